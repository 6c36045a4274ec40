package org.stackratings.probe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxTestResource;
import org.stackratings.sandbox.state.SimulatedServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.uniqueSlug;
import static org.stackratings.probe.SandboxMembersFixture.body;
import static org.stackratings.probe.SandboxMembersFixture.onboard;
import static org.stackratings.probe.SandboxMembersFixture.putCloud;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class LifecycleProbeTest {

    @Test
    void bootsATaggedServerWaitsForActiveAndDeletesIt() {
        // the server lives for its boot and delete times: 2 s is long enough to see it on a loaded machine
        String cloud = cloud("boots", "bootTime: { distribution: constant, medianMs: 2000 }\ndeleteTime: { distribution: constant, medianMs: 200 }");
        String slug = member(cloud);
        Response started = admin().body("{\"probe\":\"lifecycle\"}").post("/api/v1/members/" + slug + "/probe-runs");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String runId = started.jsonPath().getString("id");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(servers(cloud)).singleElement().satisfies(server -> {
            assertThat(server.name()).isEqualTo("stackratings-probe-" + runId);
            assertThat(server.metadata()).containsEntry("stackratings.run", runId);
        }));
        JsonPath run = awaitRun(started.getHeader("Location"));
        assertThat(run.getList("measurements.operation", String.class)).containsExactly(
                "identity.token.issue", "compute.server.create", "compute.server.active", "compute.server.delete");
        assertThat(run.getList("measurements.outcome", String.class)).containsOnly("OK");
        assertThat(run.getDouble("measurements[2].durationMs")).isGreaterThanOrEqualTo(2000.0);
        assertThat(servers(cloud)).isEmpty();
    }

    @Test
    void recordsABootThatEndsInErrorWithNovasFaultAndStillDeletesTheServer() {
        String cloud = cloud("bootfail", "bootTime: { distribution: constant, medianMs: 200 }\nbootFailureRate: 1.0");
        JsonPath run = runToEnd(member(cloud));
        assertThat(outcome(run, "compute.server.active")).isEqualTo("ERROR");
        assertThat(detail(run, "compute.server.active")).contains("went to ERROR").contains("No valid host");
        assertThat(outcome(run, "compute.server.delete")).isEqualTo("OK");
        assertThat(servers(cloud)).isEmpty();
    }

    @Test
    void recordsATimeoutWhenTheServerNeverBecomesActive() {
        String cloud = cloud("slowboot", "bootTime: { distribution: constant, medianMs: 60000 }");
        JsonPath run = runToEnd(member(cloud));
        assertThat(outcome(run, "compute.server.active")).isEqualTo("TIMEOUT");
        assertThat(detail(run, "compute.server.active")).contains("still BUILD");
        assertThat(outcome(run, "compute.server.delete")).isEqualTo("OK");
    }

    @Test
    void recordsADeleteThatNeverCompletesAndLeavesTheServerToTheReaper() {
        String cloud = cloud("leaky", "bootTime: { distribution: constant, medianMs: 100 }\ndeleteFailureRate: 1.0");
        JsonPath run = runToEnd(member(cloud));
        assertThat(outcome(run, "compute.server.active")).isEqualTo("OK");
        assertThat(outcome(run, "compute.server.delete")).isEqualTo("TIMEOUT");
        assertThat(detail(run, "compute.server.delete")).contains("still present").contains("reaper");
        assertThat(servers(cloud)).hasSize(1);
    }

    @Test
    void runsAtMostOneProbeServerPerMember() {
        String cloud = cloud("single", "bootTime: { distribution: constant, medianMs: 1500 }");
        String slug = member(cloud);
        admin().body("{\"probe\":\"lifecycle\"}").post("/api/v1/members/" + slug + "/probe-runs").then().statusCode(202);
        admin().body("{\"probe\":\"lifecycle\"}").post("/api/v1/members/" + slug + "/probe-runs").then().statusCode(409)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(10)).until(() -> servers(cloud).isEmpty());
    }

    @Test
    void picksTheConfiguredFlavorImageAndNetworkOrSaysWhatIsMissing() {
        String cloud = cloud("picky", "bootTime: { distribution: constant, medianMs: 100 }");
        String slug = uniqueSlug("picky");
        Map<String, Object> member = new HashMap<>(body(slug, cloud, "pw"));
        member.put("probes", Map.of("lifecycle", Map.of("enabled", false, "flavor", "m9.huge")));
        onboard(member);
        JsonPath run = runToEnd(slug);
        assertThat(outcome(run, "compute.server.create")).isEqualTo("ERROR");
        assertThat(detail(run, "compute.server.create")).contains("no flavor named 'm9.huge'");
        assertThat(servers(cloud)).isEmpty();
    }

    static String cloud(String prefix, String lifecycle) {
        String name = prefix + "-" + System.nanoTime() % 100000;
        putCloud(name, "name: " + name + "\nusers: [ { name: probe, password: pw } ]\n" + lifecycle + "\n");
        return name;
    }

    private static String member(String cloud) {
        String slug = uniqueSlug(cloud);
        onboard(slug, cloud, "pw");
        return slug;
    }

    static List<SimulatedServer> servers(String cloud) {
        return SandboxTestResource.server().cloud(cloud).orElseThrow().servers();
    }

    private static JsonPath runToEnd(String slug) {
        Response started = admin().body("{\"probe\":\"lifecycle\"}").post("/api/v1/members/" + slug + "/probe-runs");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        return awaitRun(started.getHeader("Location"));
    }

    private static JsonPath awaitRun(String location) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> RestAssured.given().header("Authorization", "Bearer test-admin-key").get(location).jsonPath(),
                json -> !"RUNNING".equals(json.getString("status")));
    }

    private static String outcome(JsonPath run, String operation) {
        return run.getString("measurements.find { it.operation == '" + operation + "' }.outcome");
    }

    private static String detail(JsonPath run, String operation) {
        return run.getString("measurements.find { it.operation == '" + operation + "' }.detail");
    }
}
