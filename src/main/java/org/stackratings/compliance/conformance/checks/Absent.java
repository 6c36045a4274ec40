package org.stackratings.compliance.conformance.checks;

/** Ids no cloud has, which the negative checks ask for (and expect to be refused or not found). */
public final class Absent {

    /** An id of a resource's form that no cloud has. */
    public static final String ID = "00000000-5eed-4bad-8000-000000000404";
    /** Not even the form of an id. */
    public static final String INVALID = "stackratings-not-an-id";

    private Absent() {
    }
}
