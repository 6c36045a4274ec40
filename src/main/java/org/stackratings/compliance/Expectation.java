package org.stackratings.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudSession;

import java.util.Set;
import java.util.function.Function;

/**
 * One API call of a capability check and what a compliant cloud answers: one of the expected statuses and, where
 * given, a body that passes {@code bodyCheck} (which returns a problem, or null when the body is right).
 */
record Expectation(Function<CloudSession, ApiCall> call, Set<Integer> statuses, Function<JsonNode, String> bodyCheck) {

    static Expectation status(Function<CloudSession, ApiCall> call, Integer... statuses) {
        return new Expectation(call, Set.of(statuses), null);
    }

    static Expectation body(Function<CloudSession, ApiCall> call, Function<JsonNode, String> bodyCheck, Integer... statuses) {
        return new Expectation(call, Set.of(statuses), bodyCheck);
    }

    /** A body check: the field exists and is a non-empty array (or any array when {@code mayBeEmpty}). */
    static Function<JsonNode, String> array(String field, boolean mayBeEmpty) {
        return body -> {
            JsonNode node = body.path(field);
            if (!node.isArray()) {
                return "the answer has no '" + field + "' list";
            }
            return !mayBeEmpty && node.isEmpty() ? "the '" + field + "' list is empty" : null;
        };
    }

    /** A body check: the field is a JSON object. */
    static Function<JsonNode, String> object(String field) {
        return body -> body.path(field).isObject() ? null : "the answer has no '" + field + "' object";
    }
}
