package org.stackratings.compliance.conformance;

/** The agency stopped the run (shut down, or interrupted its thread): what was not finished is NOT_CHECKED. */
final class RunStopped extends RuntimeException {

    RunStopped() {
        super("the agency stopped the run", null, false, false);
    }
}
