package org.stackratings.statement;

import java.time.Instant;

/** A rating statement as a compact JWS, with the key id and validity from its header and claims. */
public record SignedStatement(String jws, String kid, Instant issuedAt, Instant expiresAt) {
}
