package org.stackratings.compliance;

/** The result of one required capability in one compliance run. */
public enum CapabilityStatus {
    PASS,
    FAIL,
    /** The agency has no check for it yet (or the run's deadline came first): never counted as a pass. */
    NOT_CHECKED
}
