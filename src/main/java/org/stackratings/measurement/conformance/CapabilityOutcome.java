package org.stackratings.measurement.conformance;

import java.util.Objects;

/**
 * One capability's result in a conformance run: its status, why (for FAIL, NOT_APPLICABLE and NOT_CHECKED) and the
 * evidence, a JSON array of the calls made (method, path without secrets, status, time, what was expected).
 */
public record CapabilityOutcome(String capability, ConformanceStatus status, String reason, String evidenceJson) {

    private static final int MAX_REASON = 1000;

    public CapabilityOutcome {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(status, "status");
        evidenceJson = evidenceJson == null ? "[]" : evidenceJson;
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
    }
}
