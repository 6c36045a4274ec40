package org.stackratings.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/keys}: a role, the member of a provider key, a label for people and an optional
 * expiry (an ISO-8601 instant in the future; none means the key lasts until revoked).
 */
public record KeyRequest(
        @NotNull @Pattern(regexp = "^(admin|provider|exchange)$", message = "must be 'admin', 'provider' or 'exchange'")
        String role,
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "must be a member slug") String member,
        @Size(max = 200) String label,
        Instant expiresAt) {
}
