package org.stackratings.compliance.conformance;

/**
 * The check of one capability: the calls it makes through {@link CheckContext}, which records each as evidence. It
 * returns when the cloud did what the capability requires, throws {@link CheckFailed} when it did not, and
 * {@link NotApplicable} when the capability cannot be checked for this member.
 */
@FunctionalInterface
public interface CapabilityCheck {

    /** Checks the capability through {@code context}; returns when the cloud did what it requires. */
    void check(CheckContext context);
}
