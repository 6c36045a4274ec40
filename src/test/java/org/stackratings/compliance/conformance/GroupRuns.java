package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;

/**
 * The run plumbing of the tests of check groups: their runs planned at once (a compliant cloud, one cloud per
 * deviation, others of the test's own), and what they read from a run: which of the group's capabilities failed, and
 * the calls the evidence of a capability marks with a problem (the calls that showed the failure).
 */
final class GroupRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A deviation (profile YAML) and the start of the call its capability's evidence marks with the problem. */
    record Deviation(String capability, String yaml, String call) {
        @Override
        public String toString() {
            return capability;
        }
    }

    private GroupRuns() {
    }

    /**
     * The runs of a group's test, started together on first use: {@code "compliant"} on a cloud without deviations,
     * those of {@code others} under their keys, and each deviation's on a cloud of its own under its capability.
     */
    static ParallelRuns plan(Map<String, ParallelRuns.Planned> others, List<Deviation> deviations) {
        Map<String, ParallelRuns.Planned> plan = new LinkedHashMap<>();
        plan.put("compliant", new ParallelRuns.Planned("", true));
        plan.putAll(others);
        deviations.forEach(d -> plan.put(d.capability(), new ParallelRuns.Planned("deviations: [ " + d.yaml() + " ]",
                true)));
        return new ParallelRuns(plan);
    }

    /** The run passed every capability of {@code group} and left nothing on its cloud. */
    static void assertPassesEvery(ParallelRuns.Finished run, List<String> group) {
        for (String capability : group) {
            assertThat(ConformanceHarness.of(run.outcome(), capability).status())
                    .as(describe(run.outcome(), group)).isEqualTo(ConformanceStatus.PASS);
        }
        assertLeftNothing(run);
    }

    /**
     * The deviation's run failed exactly its capability among those of {@code group}, its evidence marks the
     * deviation's call with the problem, and the run left nothing on its cloud.
     */
    static void assertFailsExactlyItsCapability(ParallelRuns.Finished run, List<String> group, Deviation deviation) {
        assertThat(failing(run.outcome(), group)).as(describe(run.outcome(), group))
                .containsExactly(deviation.capability());
        assertThat(problemCalls(run.outcome(), deviation.capability())).singleElement().asString()
                .startsWith(deviation.call());
        assertLeftNothing(run);
    }

    /** The run left nothing on its cloud. */
    static void assertLeftNothing(ParallelRuns.Finished run) {
        assertThat(run.leftovers()).as("what the run left on " + run.cloud()).isEmpty();
    }

    /** The capabilities of {@code group} the run failed, in the guideline's order. */
    static List<String> failing(ConformanceOutcome outcome, List<String> group) {
        return ConformanceHarness.withStatus(outcome, ConformanceStatus.FAIL).stream().filter(group::contains).toList();
    }

    /** The calls of a capability's evidence that carry a problem ({@code "PUT network /v2.0/routers/..."}). */
    static List<String> problemCalls(ConformanceOutcome outcome, String capability) {
        try {
            List<String> calls = new ArrayList<>();
            for (JsonNode evidence : JSON.readTree(ConformanceHarness.of(outcome, capability).evidenceJson())) {
                if (evidence.hasNonNull("problem")) {
                    calls.add(evidence.path("call").asText());
                }
            }
            return calls;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the evidence is not JSON", e);
        }
    }

    /** Each capability of {@code group} with its status and reason, for assertion messages. */
    static String describe(ConformanceOutcome outcome, List<String> group) {
        StringBuilder text = new StringBuilder();
        for (String capability : group) {
            var result = ConformanceHarness.of(outcome, capability);
            text.append('\n').append(capability).append(": ").append(result.status())
                    .append(result.reason() == null ? "" : " (" + result.reason() + ")");
        }
        return text.toString();
    }
}
