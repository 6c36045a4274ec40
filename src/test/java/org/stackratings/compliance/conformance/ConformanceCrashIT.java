package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.PackagedApp;
import org.stackratings.SandboxedApp;

/**
 * Crash safety of the conformance run (issue 13, item 2): the packaged application (PostgreSQL) is killed with
 * SIGKILL in the middle of a conformance run, once the run has made servers, keypairs and network resources;
 * restarted on the same database, its reaper deletes everything the dead run made once the run is past the TTL (and
 * past the longest a run takes, so it is known dead), and leaves alone what carries only one of the run's marks.
 * Runs under maven-failsafe in the {@code postgres} profile, like {@code CrashSafetyIT}.
 */
class ConformanceCrashIT {

    private static final String CLOUD = "crashed-conformance";
    private static final String PASSWORD = "crashed-secret";
    private static final String ADMIN_KEY = "conformance-crash-admin-key-of-at-least-32-chars";
    private static final String CREDENTIAL_KEY = Base64.getEncoder()
            .encodeToString("conformance-crash-it-key-32-b-ok".getBytes(StandardCharsets.US_ASCII));
    private static final List<String> LISTINGS = List.of("compute/v2.1/servers", "compute/v2.1/os-keypairs",
            "image/v2/images", "network/v2.0/networks", "network/v2.0/subnets", "network/v2.0/ports",
            "network/v2.0/routers", "network/v2.0/security-groups", "network/v2.0/subnetpools");

    // 50 ms on every request: a run takes about 20 s, so it can be killed while its network checks run.
    @RegisterExtension
    static final SandboxedApp FIXTURE = SandboxedApp.cloud(CLOUD, PASSWORD, """
                    description: "For the conformance crash-safety test"
                    bootTime: { distribution: constant, medianMs: 300 }
                    deleteTime: { distribution: constant, medianMs: 200 }
                    latency: { distribution: constant, medianMs: 50 }
                    """).keys(ADMIN_KEY, CREDENTIAL_KEY)
            .with("stackratings.conformance.run-deadline", "PT60S")
            .with("stackratings.conformance.cleanup-deadline", "PT10S")
            .with("stackratings.conformance.reaper-ttl", "PT5S")
            .with("stackratings.conformance.longest-wait", "PT90S")
            .with("stackratings.probe.lifecycle.reaper-interval", "2s");

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void whatAKilledRunMadeIsReapedAfterRestartAndNothingElse() {
        PackagedApp app = FIXTURE.start("conformance-crash-app-1", true);
        String slug = "conformance-crash";
        Response onboarded = FIXTURE.admin().body(FIXTURE.member(slug, "Conformance crash", Map.of(
                        "api", Map.of("enabled", false),
                        "conformance", Map.of("enabled", true, "interval", "PT24H"))))
                .post(app.url("/api/v1/members"));
        assertThat(onboarded.statusCode()).as(onboarded.asString()).isEqualTo(201);
        Response started = FIXTURE.admin().body("{\"probe\":\"conformance\"}")
                .post(app.url("/api/v1/members/" + slug + "/probe-runs"));
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String run = started.jsonPath().getString("id");

        await("the run has made servers, keypairs and network resources").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    List<String> made = marked(run);
                    return made.stream().anyMatch(m -> m.startsWith("servers "))
                            && made.stream().anyMatch(m -> m.startsWith("keypairs "))
                            && made.stream().anyMatch(m -> m.startsWith("networks "));
                });
        String token = FIXTURE.token();
        // one mark only: the reaper must leave them
        call(token, "POST", "network/v2.0/networks", "{\"network\":{\"name\":\"" + RunMarker.PREFIX + run
                + "-decoy\"}}");
        call(token, "POST", "network/v2.0/networks", "{\"network\":{\"name\":\"customer-net\",\"description\":\""
                + RunMarker.KEY + "=" + run + "\"}}");

        assertThat(app.killHard()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        List<String> leaked = marked(run);
        System.out.println("ConformanceCrashIT: the killed run left " + leaked);
        assertThat(leaked).isNotEmpty();

        FIXTURE.start("conformance-crash-app-2", false);
        await("the restarted instance's reaper deletes what the killed run made").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(marked(run)).containsExactly("networks " + RunMarker.PREFIX + run
                        + "-decoy"));
        assertThat(names(token, "network/v2.0/networks", "networks")).contains("customer-net");
    }

    /** What the cloud holds named for the run (kind and name), through its own APIs. */
    private static List<String> marked(String run) {
        String token = FIXTURE.token();
        List<String> found = new ArrayList<>();
        for (String listing : LISTINGS) {
            String field = listing.substring(listing.lastIndexOf('/') + 1).replace("os-", "").replace('-', '_');
            for (String name : names(token, listing, field)) {
                if (name.startsWith(RunMarker.PREFIX + run)) {
                    found.add(field + " " + name);
                }
            }
        }
        return found;
    }

    private static List<String> names(String token, String listing, String field) {
        Response r = RestAssured.given().header("X-Auth-Token", token)
                .get(FIXTURE.cloudRoot() + "/" + listing);
        assertThat(r.statusCode()).as(listing).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (Object item : r.jsonPath().getList(field)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) item;
            Object named = entry.containsKey("keypair") ? ((Map<?, ?>) entry.get("keypair")).get("name")
                    : entry.get("name");
            names.add(String.valueOf(named));
        }
        return names;
    }

    private static void call(String token, String method, String path, String body) {
        Response r = RestAssured.given().header("X-Auth-Token", token).contentType(ContentType.JSON).body(body)
                .request(method, FIXTURE.cloudRoot() + "/" + path);
        assertThat(r.statusCode()).as(path + " " + r.asString()).isBetween(200, 202);
    }
}
