package org.stackratings.member;

/** A member is probed and rated while ACTIVE; WITHDRAWN keeps its history and publishes the rating WR. */
public enum MemberStatus {
    ACTIVE,
    WITHDRAWN
}
