package org.stackratings.certification;

import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;

/** What a conformance run means for a certificate. */
public enum RunVerdict {
    /** Every required capability passed or does not apply (and at least one passed): issues or renews. */
    PASSED,
    /** At least one required capability failed: a certificate becomes AT_RISK; nothing is issued. */
    FAILED,
    /** No capability failed, but the agency could not check some (NOT_CHECKED): changes nothing. */
    INCOMPLETE;

    public static RunVerdict of(ConformanceOutcome outcome) {
        if (outcome.passed()) {
            return PASSED;
        }
        return outcome.count(ConformanceStatus.FAIL) > 0 ? FAILED : INCOMPLETE;
    }
}
