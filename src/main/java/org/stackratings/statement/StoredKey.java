package org.stackratings.statement;

import com.nimbusds.jose.jwk.ECKey;

import java.time.Instant;

/**
 * A key from the database that is not retired, with its private half decrypted. {@link #toString()} names the key
 * and never shows it ({@link ECKey#toString()} would print the private part).
 */
record StoredKey(String kid, int generation, ECKey key, Instant createdAt) {

    @Override
    public String toString() {
        return "StoredKey[kid=" + kid + ", generation=" + generation + ", createdAt=" + createdAt + ", key=***]";
    }
}
