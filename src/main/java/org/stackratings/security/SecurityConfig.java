package org.stackratings.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Secrets of the agency itself and how API keys are checked. */
@ConfigMapping(prefix = "stackratings.security")
public interface SecurityConfig {

    /**
     * Bootstrap admin API key (sent as {@code Authorization: Bearer <key>}): enough to issue the first keys with
     * {@code POST /api/v1/keys}; it can be removed from the configuration once admin keys are issued.
     */
    Optional<String> adminKey();

    /** Base64 of 32 random bytes: the AES-256-GCM key that encrypts member credentials at rest. No default in prod. */
    String credentialKey();

    /**
     * Keys that values may still be sealed under (base64, 32 bytes each), during a rotation: they open, new values are
     * sealed under {@link #credentialKey()} only, and {@code POST /api/v1/credential-key/reseal} moves every stored
     * value to it (docs/operations.md, "Rotating the credential key").
     */
    Optional<List<String>> previousCredentialKeys();

    /**
     * How long a node keeps an issued key it read from the database before reading it again. Revocation acts at
     * once on the node that revokes; other nodes notice within this time. {@code PT0S} reads the key on every request.
     */
    @WithDefault("PT30S")
    Duration keyCacheTtl();
}
