package org.stackratings.statement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Signed rating statements: who signs them, for how long they are valid, and with which keys. */
@ConfigMapping(prefix = "stackratings.statement")
public interface StatementConfig {

    /** The {@code iss} claim of every statement. */
    @WithDefault("stackratings")
    String issuer();

    /** How long a statement is valid after it is signed ({@code exp} − {@code iat}). */
    @WithDefault("PT1H")
    Duration validity();

    /**
     * How long a signed statement is handed out again for the same rating (same claims, same signing key) instead of
     * signing a new one: a signature costs about half a millisecond of CPU, so the gate would otherwise be bound by
     * signing. A statement handed out is at most this old ({@code iat}); shorter than {@link #validity()}.
     */
    @WithDefault("PT10S")
    Duration reuse();

    /**
     * How often each instance re-reads the stored keys, and how long the JWK set may be cached. A new key signs only
     * once it is twice this old, so every instance and every verifier that honours {@code Cache-Control} has it.
     */
    @WithDefault("PT5M")
    Duration keyRefresh();

    /**
     * A P-256 private key that signs instead of a generated one: a private JWK (JSON), or PEM with a
     * {@code PRIVATE KEY} (PKCS#8) and a {@code PUBLIC KEY} block.
     */
    Optional<String> signingKey();

    /** A JWK set (JSON) of further public keys to publish, e.g. the previous configured key during a rotation. */
    Optional<String> additionalPublicKeys();
}
