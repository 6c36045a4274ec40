package org.stackratings.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which configured secrets production refuses: a bootstrap admin key shorter than {@value #MIN_ADMIN_KEY_LENGTH}
 * characters or equal to a public dev/test value, and a credential key equal to a public dev/test value. A pure
 * function of the two settings; {@link ProductionKeyCheck} applies it at start-up of the packaged application. The
 * answers name the key and never its value.
 */
public final class ProductionKeyRules {

    public static final int MIN_ADMIN_KEY_LENGTH = 32;

    /** The admin keys of the dev and test profiles (application.properties): public, so never a real one. */
    static final Set<String> PUBLIC_ADMIN_KEYS = Set.of("dev-admin-key", "test-admin-key");

    /** The credential keys of the dev and test profiles (application.properties), base64 as configured there. */
    static final Set<String> PUBLIC_CREDENTIAL_KEYS = Set.of(
            "ZGV2LW9ubHkta2V5LW5vdC1zZWNyZXQtMzItYnl0ZXM=",
            "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyLWJ5dGU=");

    private static final String GENERATE = "generate one with: openssl rand -base64 32";

    private ProductionKeyRules() {
    }

    /** Empty when production may start with these settings; else one message per refused key. */
    public static List<String> problems(Optional<String> adminKey, String credentialKey) {
        List<String> problems = new ArrayList<>();
        adminKey.filter(key -> !key.isBlank()).ifPresent(key -> {
            if (PUBLIC_ADMIN_KEYS.contains(key.trim())) {
                problems.add("stackratings.security.admin-key is a public dev/test value; " + GENERATE);
            } else if (key.trim().length() < MIN_ADMIN_KEY_LENGTH) {
                problems.add("stackratings.security.admin-key is shorter than " + MIN_ADMIN_KEY_LENGTH + " characters; " + GENERATE);
            }
        });
        if (credentialKey != null && isPublicCredentialKey(credentialKey)) {
            problems.add("stackratings.security.credential-key is a public dev/test value; " + GENERATE
                    + " (member credentials stored under the public key must be sent again)");
        }
        return List.copyOf(problems);
    }

    /** Compared as the bytes the cipher would use, so other spellings of the same base64 (no padding, spaces) count too. */
    private static boolean isPublicCredentialKey(String configured) {
        byte[] key = decode(configured);
        return PUBLIC_CREDENTIAL_KEYS.stream().anyMatch(known -> known.equals(configured.trim())
                || key != null && Arrays.equals(key, decode(known)));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null; // not base64: the cipher refuses it with its own message
        }
    }
}
