package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.sandbox.SandboxTestResource;

/** A whole conformance run against sandbox clouds: what passes, what does not apply, and that nothing is left. */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ConformanceRunTest {

    /** The three runs, started together on the first test (each takes seconds; together they take the longest). */
    private static final java.util.Map<String, java.util.concurrent.CompletableFuture<ConformanceOutcome>> RUNS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> CLOUDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> MEMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The run of that name (all three are started on the first call). */
    private static synchronized ConformanceOutcome outcome(String name) throws Exception {
        if (RUNS.isEmpty()) {
            start("clean", "", null);
            start("second-flavor", "", "m1.small");
            start("never-confirmed", "deviations:\n  - { service: compute, method: POST, path:"
                    + " \"/v2.1/servers/*/action\", action: confirmResize, status: 204 }", "m1.small");
        }
        return RUNS.get(name).get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    private static void start(String name, String profile, String flavorAlt) {
        String cloud = ConformanceHarness.cloud(profile);
        CLOUDS.put(name, cloud);
        org.stackratings.member.MemberAccount member = ConformanceHarness.onboard(cloud, flavorAlt);
        MEMBERS.put(name, member.slug());
        RUNS.put(name, java.util.concurrent.CompletableFuture.supplyAsync(() -> ConformanceHarness.execute(member)));
    }

    @Test
    void aCompliantCloudFailsNothingAndResizeNeedsASecondFlavor() throws Exception {
        ConformanceOutcome outcome = outcome("clean");
        String cloud = CLOUDS.get("clean");

        assertThat(ConformanceHarness.withStatus(outcome, ConformanceStatus.FAIL)).as(failures(outcome)).isEmpty();
        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").status())
                .isEqualTo(ConformanceStatus.NOT_APPLICABLE);
        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").reason())
                .contains("probes.conformance.flavorAlt");
        assertThat(ConformanceHarness.of(outcome, "compute-servers-metadata-set").evidenceJson())
                .contains("PUT compute /servers/").contains("\"status\":200");
        SandboxLeftovers.assertNothingLeft(cloud);
        io.restassured.path.json.JsonPath certification = io.restassured.RestAssured.get("/api/v1/certifications/"
                + MEMBERS.get("clean")).then().statusCode(200).extract().jsonPath();
        assertThat(certification.getBoolean("certified")).as(certification.prettify()).isTrue();
        assertThat(certification.getString("certificates[0].status")).isEqualTo("CERTIFIED");
    }

    @Test
    void withASecondFlavorResizeIsChecked() throws Exception {
        ConformanceOutcome outcome = outcome("second-flavor");
        String cloud = CLOUDS.get("second-flavor");

        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").status()).as(failures(outcome))
                .isEqualTo(ConformanceStatus.PASS);
        SandboxLeftovers.assertNothingLeft(cloud);
    }

    @Test
    void aResizeThatIsNeverConfirmedFailsOnlyResize() throws Exception {
        ConformanceOutcome outcome = outcome("never-confirmed");
        String cloud = CLOUDS.get("never-confirmed");

        assertThat(ConformanceHarness.withStatus(outcome, ConformanceStatus.FAIL)).as(failures(outcome))
                .filteredOn(c -> c.startsWith("compute-") && !c.equals("compute-volume-attach"))
                .containsExactly("compute-servers-resize");
        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").reason()).contains("ACTIVE");
        assertThat(io.restassured.RestAssured.get("/api/v1/certifications/" + MEMBERS.get("never-confirmed"))
                .then().statusCode(200).extract().jsonPath().getList("certificates[0].failing", String.class))
                .as("a failing run certifies nothing and names what fails").containsExactly("compute-servers-resize");
        SandboxLeftovers.assertNothingLeft(cloud);
    }

    static String failures(ConformanceOutcome outcome) {
        return outcome.capabilities().stream().filter(c -> c.status() == ConformanceStatus.FAIL)
                .map(c -> c.capability() + ": " + c.reason() + " " + c.evidenceJson())
                .collect(Collectors.joining("\n"));
    }
}
