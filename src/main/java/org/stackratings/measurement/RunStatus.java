package org.stackratings.measurement;

/** Where a probe run stands. A run the agency could not carry out is INCONCLUSIVE and does not count as expected coverage. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    INCONCLUSIVE
}
