package org.stackratings.sandbox.backfill;

/** The sandbox backfill refuses a member: it is not (or no longer) one of the in-process sandbox's clouds. */
public class NotSandboxMemberException extends IllegalArgumentException {

    public NotSandboxMemberException(String member, String why) {
        super("the sandbox backfill refuses member '" + member + "': " + why);
    }
}
