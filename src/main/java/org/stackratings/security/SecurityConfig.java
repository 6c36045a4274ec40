package org.stackratings.security;

import io.smallrye.config.ConfigMapping;

/** Secrets of the agency itself. Neither has a default in prod: the application refuses to start without them. */
@ConfigMapping(prefix = "stackratings.security")
public interface SecurityConfig {

    /** Bootstrap admin API key (sent as {@code Authorization: Bearer <key>}). */
    String adminKey();

    /** Base64 of 32 random bytes: the AES-256-GCM key that encrypts member credentials at rest. */
    String credentialKey();
}
