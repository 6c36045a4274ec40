package org.stackratings.sandbox.state.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes Glance computes over uploaded data: the MD5 {@code checksum} and the SHA-512 {@code os_hash_value}. */
final class ImageHashes {

    private ImageHashes() {
    }

    /** The content of {@code bytes}: their size (also the virtual size, as for raw data) and hashes. */
    static ImageContent of(byte[] bytes) {
        return new ImageContent(bytes.length, (long) bytes.length, hex("MD5", bytes), "sha512", hex("SHA-512", bytes));
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
