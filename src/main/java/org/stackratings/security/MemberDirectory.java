package org.stackratings.security;

/**
 * Whether a member exists, for scoping provider keys. Implemented by the member package (which depends on this
 * one), so that security does not import member.
 */
public interface MemberDirectory {

    enum Standing { UNKNOWN, ACTIVE, WITHDRAWN }

    Standing standing(String slug);
}
