package org.stackratings.security;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read a member's private data (scores, measurements): admin keys, and provider keys of that member.
 * Resources declare it with {@code @PermissionsAllowed(MemberAccess.MEMBER_DATA)} on a method that has a
 * {@code member} parameter (the slug); without a key the answer is 401, with another member's key 403.
 */
@ApplicationScoped
public class MemberAccess {

    public static final String MEMBER_DATA = "member-data";

    @PermissionChecker(MEMBER_DATA)
    boolean mayReadMemberData(SecurityIdentity identity, String member) {
        return allows(identity, member);
    }

    /** The same decision for code that holds an identity (a dashboard page, for instance). */
    public boolean allows(SecurityIdentity identity, String member) {
        KeyPrincipal key = identity.isAnonymous() ? null : identity.getAttribute(ApiKeyIdentityProvider.KEY_ATTRIBUTE);
        return key != null && key.mayReadMemberData(member);
    }
}
