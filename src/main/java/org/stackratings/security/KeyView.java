package org.stackratings.security;

import java.time.Instant;

/** An issued key as lists show it: never the secret nor its hash. */
public record KeyView(String id, String role, String member, String label, Status status, Instant createdAt,
                      String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    static KeyView of(ApiKey key, Instant now) {
        Status status = key.revokedAt != null ? Status.REVOKED
                : key.expiresAt != null && !now.isBefore(key.expiresAt) ? Status.EXPIRED : Status.ACTIVE;
        return new KeyView(key.id, key.role, key.memberSlug, key.label, status, key.createdAt, key.createdBy,
                key.expiresAt, key.revokedAt, key.lastUsedAt);
    }
}
