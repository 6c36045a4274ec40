package org.stackratings.compliance.conformance;

/**
 * A check found the cloud wrong: its message says, in the agency's words, what was expected and what came instead.
 * The calls that showed it are already in the capability's evidence.
 */
public class CheckFailed extends RuntimeException {

    CheckFailed(String problem) {
        super(problem, null, false, false);
    }
}
