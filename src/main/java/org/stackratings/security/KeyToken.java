package org.stackratings.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An issued API key as presented by clients: {@code sr_<id>_<secret>}, where {@code id} is 8 random bytes and
 * {@code secret} 32 random bytes, both lower-case hex. The id is public (lists, logs, URLs); the secret exists only
 * in the answer that issues the key. {@link #toString()} never shows the secret.
 */
public record KeyToken(String id, String value) {

    private static final Pattern FORMAT = Pattern.compile("^sr_([0-9a-f]{16})_[0-9a-f]{64}$");
    private static final HexFormat HEX = HexFormat.of();

    /** A new key from the given source of randomness. */
    public static KeyToken generate(SecureRandom random) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String hexId = HEX.formatHex(id);
        return new KeyToken(hexId, "sr_" + hexId + "_" + HEX.formatHex(secret));
    }

    /** The key in a presented string, if it has the format of an issued key. */
    public static Optional<KeyToken> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented);
        return m.matches() ? Optional.of(new KeyToken(m.group(1), presented)) : Optional.empty();
    }

    /** SHA-256 of the whole key: what the database keeps. */
    public byte[] sha256() {
        return sha256(value);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    @Override
    public String toString() {
        return "KeyToken[" + id + "]";
    }
}
