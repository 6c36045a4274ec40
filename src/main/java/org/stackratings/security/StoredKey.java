package org.stackratings.security;

import java.time.Instant;

/** What authentication needs of an issued key: its hash, role, member and validity (cached, never the secret). */
record StoredKey(String id, byte[] sha256, String role, String member, Instant expiresAt, Instant revokedAt) {

    /** Why the key is not valid at {@code now}, or null when it is. */
    String invalidReason(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "expired";
        }
        return null;
    }
}
