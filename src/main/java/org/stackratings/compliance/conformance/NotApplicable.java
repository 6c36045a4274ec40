package org.stackratings.compliance.conformance;

/**
 * A capability cannot be checked for this member, for a reason that is not the cloud's fault: the message says why
 * and which member setting would let the agency check it.
 */
final class NotApplicable extends RuntimeException {

    NotApplicable(String reason) {
        super(reason, null, false, false);
    }
}
