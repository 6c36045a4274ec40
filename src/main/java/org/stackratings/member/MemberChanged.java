package org.stackratings.member;

/** CDI event fired after a member was created, replaced or withdrawn (the transaction has committed). */
public record MemberChanged(String slug, Kind kind) {
    public enum Kind {
        CREATED,
        UPDATED,
        WITHDRAWN
    }
}
