package org.stackratings.compliance.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;

/**
 * What the tests of one check group read from a conformance run: which of the group's capabilities failed, and the
 * calls the evidence of a capability marks with a problem (the calls that showed the failure).
 */
final class GroupRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupRuns() {
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
