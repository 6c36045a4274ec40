package org.stackratings.measurement.conformance;

/**
 * A capability's result in a conformance run: it passed, failed, does not apply to the member (the reason names the
 * member setting that would make it apply), or the agency could not check it (its own fault, never the member's).
 */
public enum ConformanceStatus {
    PASS, FAIL, NOT_APPLICABLE, NOT_CHECKED
}
