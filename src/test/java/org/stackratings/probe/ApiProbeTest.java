package org.stackratings.probe;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxTestResource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.uniqueSlug;
import static org.stackratings.probe.SandboxMembersFixture.authUrl;
import static org.stackratings.probe.SandboxMembersFixture.body;
import static org.stackratings.probe.SandboxMembersFixture.onboard;
import static org.stackratings.probe.SandboxMembersFixture.putCloud;
import static org.stackratings.probe.SandboxMembersFixture.runProbe;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ApiProbeTest {

    private static final List<String> OPERATIONS = List.of("identity.token.issue", "compute.flavors.list",
            "image.images.list", "network.networks.list", "volume.volumes.list");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void measuresEveryOperationOfAHealthyCloud() {
        String slug = uniqueSlug("alpha");
        onboard(slug, "alpha", "alpha-secret");
        Response run = runProbe(slug);
        JsonPath json = run.jsonPath();
        assertThat(json.getString("status")).isEqualTo("COMPLETED");
        assertThat(json.getString("trigger")).isEqualTo("MANUAL");
        assertThat(json.getList("measurements.operation", String.class)).containsExactlyElementsOf(OPERATIONS);
        assertThat(json.getList("measurements.outcome", String.class)).containsOnly("OK");
        assertThat(json.getList("measurements.vantage", String.class)).containsOnly("local");

        RestAssured.given().header("Authorization", "Bearer test-admin-key").get(run.getHeader("Location"))
                .then().statusCode(200).body("id", equalTo(json.getString("id")));
        admin().get("/api/v1/members/" + slug + "/measurements")
                .then().statusCode(200).body("total", equalTo(5)).body("items.operation", hasItem("volume.volumes.list"));
    }

    @Test
    void authenticatesWithAnApplicationCredential() {
        String slug = uniqueSlug("appcred");
        Map<String, Object> member = body(slug, "alpha", "unused");
        member.put("credentials", Map.of("type", "application_credential",
                "applicationCredentialId", "alpha-appcred", "applicationCredentialSecret", "alpha-appcred-secret"));
        onboard(member);
        assertThat(runProbe(slug).jsonPath().getList("measurements.outcome", String.class))
                .hasSize(5).containsOnly("OK");
    }

    @Test
    void neverMeasuresLessThanTheInjectedLatency() {
        String slug = uniqueSlug("slow");
        onboard(slug, "slow", "slow-secret");
        Map<String, List<Double>> durations = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            for (Map<String, Object> m : runProbe(slug).jsonPath().<Map<String, Object>>getList("measurements")) {
                assertThat(m.get("outcome")).isEqualTo("OK");
                durations.computeIfAbsent((String) m.get("operation"), k -> new ArrayList<>())
                        .add(((Number) m.get("durationMs")).doubleValue());
            }
        }
        assertThat(durations).containsOnlyKeys(OPERATIONS);
        durations.forEach((operation, values) -> {
            // the sandbox injects a constant 50 ms on every request: a call can never take less. How close above it the
            // probe measures is a timing property, measured by ProbeAccuracyBenchmark (docs/benchmarks.md), never
            // asserted in a test (a loaded machine would make any upper bound flaky)
            assertThat(values).as(operation).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(50.0));
        });
    }

    @Test
    void recordsWrongCredentialsAndUnreachableCloudsAsErrors() {
        String wrong = uniqueSlug("wrongpw");
        onboard(wrong, "alpha", "not-the-password");
        JsonPath run = runProbe(wrong).jsonPath();
        assertThat(run.getList("measurements.operation", String.class)).containsExactly("identity.token.issue");
        assertThat(run.getString("measurements[0].outcome")).isEqualTo("ERROR");
        assertThat(run.getInt("measurements[0].httpStatus")).isEqualTo(401);

        String nowhere = uniqueSlug("nowhere");
        Map<String, Object> member = body(nowhere, "alpha", "x");
        member.put("authUrl", "http://127.0.0.1:1/v3");
        onboard(member);
        JsonPath refused = runProbe(nowhere).jsonPath();
        assertThat(refused.getString("measurements[0].outcome")).isEqualTo("ERROR");
        assertThat(refused.getString("measurements[0].errorClass")).startsWith("CONNECTION_FAILED");
    }

    @Test
    void recordsAMissingServiceOnceAndNotAsAnError() {
        String slug = uniqueSlug("novol");
        onboard(slug, "missing-volume", "missing-secret");
        JsonPath run = runProbe(slug).jsonPath();
        assertThat(run.getList("measurements.operation", String.class)).doesNotContain("volume.volumes.list").hasSize(4);
        assertThat(run.getList("measurements.outcome", String.class)).containsOnly("OK");
        runProbe(slug);
        RestAssured.get("/api/v1/ratings/" + slug).then().statusCode(200).body("missingServices", equalTo(List.of("volume")));
    }

    @Test
    void anOutageWindowYieldsErrorsAndTimeoutsOnlyInsideIt() {
        String cloud = "outage-" + System.nanoTime() % 100000;
        String slug = uniqueSlug("outage");
        // the same cloud, its outage window first ahead of the run, then around it, then behind it
        putOutageCloud(cloud, Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)));
        onboard(slug, cloud, "pw");
        runProbe(slug);
        Instant inside = Instant.now();
        putOutageCloud(cloud, Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofHours(1)));
        runProbe(slug);
        Instant after = Instant.now();
        putOutageCloud(cloud, Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofMillis(1)));
        runProbe(slug);

        List<Map<String, Object>> all = admin().get("/api/v1/members/" + slug + "/measurements?size=100")
                .jsonPath().getList("items");
        assertThat(all).hasSize(15);
        for (Map<String, Object> m : all) {
            Instant at = Instant.parse((String) m.get("startedAt"));
            boolean duringOutage = !at.isBefore(inside) && at.isBefore(after);
            String operation = (String) m.get("operation");
            String expected = !duringOutage ? "OK"
                    : operation.startsWith("compute.") ? "ERROR"
                    : operation.startsWith("image.") ? "TIMEOUT" : "OK";
            assertThat(m.get("outcome")).as("%s at %s (outage run %s..%s)", operation, at, inside, after).isEqualTo(expected);
        }
        assertThat(all).filteredOn(m -> "ERROR".equals(m.get("outcome"))).extracting(m -> m.get("httpStatus")).containsOnly(503);
        assertThat(all).filteredOn(m -> "TIMEOUT".equals(m.get("outcome"))).hasSize(1);
    }

    private static void putOutageCloud(String cloud, Instant start, Instant end) {
        putCloud(cloud, """
                name: %s
                users: [ { name: probe, password: pw } ]
                outages:
                  - { start: %s, end: %s, services: [compute], mode: ERROR }
                  - { start: %s, end: %s, services: [image], mode: TIMEOUT }
                hangMs: 30000
                """.formatted(cloud, start, end, start, end));
    }

    @Test
    void neverFollowsACatalogToADisallowedHost() throws Exception {
        AtomicInteger decoyHits = new AtomicInteger();
        HttpServer decoy = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        decoy.createContext("/", exchange -> {
            decoyHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        decoy.start();
        try {
            String cloud = "redirector-" + System.nanoTime() % 100000;
            putCloud(cloud, """
                    name: %s
                    users: [ { name: probe, password: pw } ]
                    catalogHost: "127.0.0.2:%d"
                    """.formatted(cloud, decoy.getAddress().getPort()));
            String slug = uniqueSlug("redirect");
            onboard(slug, cloud, "pw");
            JsonPath run = runProbe(slug).jsonPath();
            assertThat(run.getString("measurements[0].outcome")).isEqualTo("OK");
            List<Map<String, Object>> services = run.getList("measurements").subList(1, 5).stream()
                    .map(m -> (Map<String, Object>) m).toList();
            assertThat(services).extracting(m -> m.get("outcome")).containsOnly("ERROR");
            assertThat(services).extracting(m -> (String) m.get("errorClass")).allMatch(c -> c.startsWith("ENDPOINT_NOT_ALLOWED"));
            assertThat(services).extracting(m -> (String) m.get("detail")).allMatch(d -> d.contains("127.0.0.2"));
            assertThat(decoyHits).hasValue(0);
            assertThat(authUrl(cloud)).contains("127.0.0.1");
        } finally {
            decoy.stop(0);
        }
    }

    @Test
    void refusesToRunAnUnknownMemberOrProbe() {
        admin().body("{}").post("/api/v1/members/no-such-member/probe-runs").then().statusCode(404)
                .contentType("application/problem+json");
        String slug = uniqueSlug("probe-name");
        onboard(slug, "alpha", "alpha-secret");
        admin().body("{\"probe\":\"teleport\"}").post("/api/v1/members/" + slug + "/probe-runs").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
