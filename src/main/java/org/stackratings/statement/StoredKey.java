package org.stackratings.statement;

import com.nimbusds.jose.jwk.ECKey;

import java.time.Instant;

/** A key from the database that is not retired, with its private half decrypted. */
record StoredKey(String kid, int generation, ECKey key, Instant createdAt) {
}
