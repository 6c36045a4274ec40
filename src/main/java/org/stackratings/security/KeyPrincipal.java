package org.stackratings.security;

import java.time.Instant;

/**
 * Who presented a valid API key: the key's id ({@code bootstrap} for the configured admin key), its role and, for a
 * provider key, the member it is scoped to ({@code null} otherwise).
 */
public record KeyPrincipal(String keyId, String role, String member, Instant expiresAt) {

    public static final String BOOTSTRAP_ID = "bootstrap";

    /** The name the identity carries: {@code key:<id>}, or {@code bootstrap-admin}. */
    public String name() {
        return BOOTSTRAP_ID.equals(keyId) ? "bootstrap-admin" : "key:" + keyId;
    }

    /** Whether this key may read the member's private data (scores, measurements): admin, or the member's provider. */
    public boolean mayReadMemberData(String slug) {
        return Roles.ADMIN.equals(role) || (Roles.PROVIDER.equals(role) && member != null && member.equals(slug));
    }
}
