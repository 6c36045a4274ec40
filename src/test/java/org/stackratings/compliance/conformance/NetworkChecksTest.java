package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * The network check groups ({@code checks.NetworkL2Checks}, {@code RouterChecks}, {@code SecurityGroupChecks},
 * {@code SubnetPoolChecks}) against sandbox clouds: a compliant cloud passes every network capability and keeps nothing
 * of the run; a deviation on a capability's distinctive call fails exactly that capability of the group, with the
 * evidence naming the call. The runs go at once ({@link ParallelRuns}).
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class NetworkChecksTest {

    static final List<String> CAPABILITIES = List.of("networks-l2-CRUD", "networks-l3-router", "networks-l3-CRUD",
            "networks-list-api-versions", "networks-security-groups-CRUD", "networks-subnet-pools-CRUD");

    /** A deviation (profile YAML) and the start of the call its capability's evidence marks with the problem. */
    record Deviation(String capability, String yaml, String call) {
        @Override
        public String toString() {
            return capability;
        }
    }

    static final List<Deviation> DEVIATIONS = List.of(
            new Deviation("networks-l2-CRUD", "{ service: network, method: PUT, path: \"/v2.0/subnets/*\","
                    + " missing: true }", "PUT network /v2.0/subnets/"),
            new Deviation("networks-l3-router", "{ service: network, method: PUT, path: \"/v2.0/routers/*\","
                    + " field: /router/status, value: ACTIVE, status: 200 }", "PUT network /v2.0/routers/"),
            new Deviation("networks-l3-CRUD", "{ service: network, method: PUT, path: \"/v2.0/routers/*\","
                    + " field: /router/routes, value: [] }", "PUT network /v2.0/routers/"),
            new Deviation("networks-list-api-versions", "{ service: network, path: \"/\","
                    + " field: \"/versions/*/links\" }", "GET network (root) "),
            new Deviation("networks-security-groups-CRUD", "{ service: network, method: DELETE,"
                    + " path: \"/v2.0/security-group-rules/*\", status: 204 }", "GET network /v2.0/security-group-rules/"),
            new Deviation("networks-subnet-pools-CRUD", "{ service: network, method: PUT,"
                    + " path: \"/v2.0/subnetpools/*\", status: 200, body: \"{}\" }", "PUT network /v2.0/subnetpools/"));

    private static final ParallelRuns RUNS = new ParallelRuns(plan());

    /** Keeps the probe a bean (nothing in the application injects it yet, so Quarkus would remove it). */
    @Inject
    ConformanceProbe probe;

    private static Map<String, ParallelRuns.Planned> plan() {
        Map<String, ParallelRuns.Planned> plan = new LinkedHashMap<>();
        plan.put("compliant", new ParallelRuns.Planned("", true));
        DEVIATIONS.forEach(d -> plan.put(d.capability(), new ParallelRuns.Planned("deviations: [ " + d.yaml() + " ]",
                true)));
        return plan;
    }

    @Test
    void aCompliantCloudPassesEveryNetworkCapabilityAndKeepsNothing() {
        ParallelRuns.Finished run = RUNS.finished("compliant");
        for (String capability : CAPABILITIES) {
            assertThat(ConformanceHarness.of(run.outcome(), capability).status())
                    .as(GroupRuns.describe(run.outcome(), CAPABILITIES)).isEqualTo(ConformanceStatus.PASS);
        }
        assertThat(run.leftovers()).as("what the run left on " + run.cloud()).isEmpty();
    }

    static List<Deviation> deviations() {
        return DEVIATIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void aDeviationOnItsDistinctiveCallFailsExactlyThatCapability(Deviation deviation) {
        ParallelRuns.Finished run = RUNS.finished(deviation.capability());
        assertThat(GroupRuns.failing(run.outcome(), CAPABILITIES)).as(GroupRuns.describe(run.outcome(), CAPABILITIES))
                .containsExactly(deviation.capability());
        assertThat(GroupRuns.problemCalls(run.outcome(), deviation.capability())).singleElement().asString()
                .startsWith(deviation.call());
        assertThat(run.leftovers()).as("what the run left on " + run.cloud()).isEmpty();
    }
}
