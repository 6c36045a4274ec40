package org.stackratings.compliance.conformance;

/**
 * A capability cannot be checked for this member, for a reason that is not the cloud's fault: the message says why
 * and which member setting would let the agency check it.
 */
public final class NotApplicable extends RuntimeException {

    /** The capability cannot be checked for this member; {@code reason} says why and which setting would help. */
    public NotApplicable(String reason) {
        super(reason, null, false, false);
    }
}
