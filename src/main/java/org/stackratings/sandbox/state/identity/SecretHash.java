package org.stackratings.sandbox.state.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The salted PBKDF2 hash of a secret, which is all a store keeps of an application credential's secret (Keystone keeps
 * a bcrypt hash): the secret itself is shown once, in the answer that creates it.
 */
public record SecretHash(byte[] salt, byte[] digest) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 2048;

    public SecretHash {
        salt = salt.clone();
        digest = digest.clone();
    }

    /** The hash of {@code secret} under a new random salt. */
    public static SecretHash of(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new SecretHash(salt, derive(secret, salt));
    }

    /** Whether {@code secret} is the one hashed (a constant-time comparison); false for null. */
    public boolean matches(Object secret) {
        return secret instanceof String text && MessageDigest.isEqual(digest, derive(text, salt));
    }

    private static byte[] derive(String secret, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretHash h && Arrays.equals(salt, h.salt) && Arrays.equals(digest, h.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "SecretHash[pbkdf2-sha256]";
    }
}
