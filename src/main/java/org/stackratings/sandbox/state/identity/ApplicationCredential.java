package org.stackratings.sandbox.state.identity;

import java.time.Instant;
import java.util.List;

/**
 * An application credential as Keystone keeps it: owned by a user, bound to a project and to a subset of the user's
 * roles there, with only the hash of its secret. {@code expiresAt} null: it never expires. A restricted credential
 * ({@code unrestricted} false) cannot manage application credentials; {@code accessRules} empty: no limit on requests.
 */
public record ApplicationCredential(String id, String name, String description, String userId, String projectId,
        SecretHash secret, Instant expiresAt, boolean unrestricted, List<Role> roles, List<AccessRule> accessRules) {

    public ApplicationCredential {
        roles = List.copyOf(roles);
        accessRules = List.copyOf(accessRules);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
