package org.stackratings.compliance.conformance;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackratings.compliance.conformance.GroupRuns.Deviation;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * The network check groups ({@code checks.network.NetworkL2Checks}, {@code RouterChecks}, {@code SecurityGroupChecks},
 * {@code SubnetPoolChecks}) against sandbox clouds: a compliant cloud passes every network capability and keeps nothing
 * of the run; a deviation on a capability's distinctive call fails exactly that capability of the group, with the
 * evidence naming the call. The runs go at once ({@link ParallelRuns}).
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class NetworkChecksTest {

    static final List<String> CAPABILITIES = List.of("networks-l2-CRUD", "networks-l3-router", "networks-l3-CRUD",
            "networks-list-api-versions", "networks-security-groups-CRUD", "networks-subnet-pools-CRUD");

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

    private static final ParallelRuns RUNS = GroupRuns.plan(Map.of(), DEVIATIONS);

    /** Keeps the probe a bean (nothing in the application injects it yet, so Quarkus would remove it). */
    @Inject
    ConformanceProbe probe;

    @Test
    void aCompliantCloudPassesEveryNetworkCapabilityAndKeepsNothing() {
        GroupRuns.assertPassesEvery(RUNS.finished("compliant"), CAPABILITIES);
    }

    static List<Deviation> deviations() {
        return DEVIATIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void aDeviationOnItsDistinctiveCallFailsExactlyThatCapability(Deviation deviation) {
        GroupRuns.assertFailsExactlyItsCapability(RUNS.finished(deviation.capability()), CAPABILITIES, deviation);
    }
}
