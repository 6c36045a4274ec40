package org.stackratings.measurement;

/** How one measured operation ended (PRODUCT.md section 2). */
public enum Outcome {
    /** The cloud answered correctly. */
    OK,
    /** The cloud answered wrongly: an error status, a refused connection, a malformed answer, a forbidden endpoint. */
    ERROR,
    /** The cloud did not answer in time. */
    TIMEOUT,
    /** The agency itself could not measure (its own configuration, network or database failed); never counts against the member. */
    INCONCLUSIVE;

    /** Whether this outcome says something about the member (INCONCLUSIVE does not). */
    public boolean countsForMember() {
        return this != INCONCLUSIVE;
    }
}
