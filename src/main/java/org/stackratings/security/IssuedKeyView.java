package org.stackratings.security;

import java.time.Instant;

/** The answer that issues a key: the only time {@code key} (the secret) is shown. */
public record IssuedKeyView(String key, String id, String role, String member, String label, Instant createdAt,
                            Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedKeyView[" + id + "]";
    }
}
