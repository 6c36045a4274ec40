package org.stackratings.sandbox.api.compute;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The public keys of Nova's keypairs: an OpenSSH public key line ({@code ssh-rsa AAAA... comment}) checked the way Nova's
 * key loading does (the key type named in the line must be the one inside the blob, the blob must be well formed), its
 * MD5 fingerprint, a PEM x509 certificate and its SHA-1 fingerprint, and a generated RSA keypair.
 */
final class PublicKeys {

    private static final Set<String> SSH_TYPES = Set.of("ssh-rsa", "ssh-ed25519", "ssh-dss", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    /** A key as stored: the text and its fingerprint; {@code privateKey} only for a generated one. */
    record Key(String publicKey, String fingerprint, String privateKey) {
    }

    private PublicKeys() {
    }

    /** The OpenSSH public key {@code text}, or empty when Nova would refuse it. */
    static Optional<Key> ssh(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2 || !SSH_TYPES.contains(parts[0])) {
            return Optional.empty();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!wellFormed(parts[0], blob)) {
            return Optional.empty();
        }
        return Optional.of(new Key(text.trim(), COLONS.formatHex(digest("MD5", blob)), null));
    }

    /** The PEM certificate {@code text}, or empty when it is none. */
    static Optional<Key> x509(String text) {
        try {
            var certificate = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(new Key(text, COLONS.formatHex(digest("SHA-1", certificate.getEncoded())), null));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    /** A new RSA keypair, as Nova generates one when no public key is given. */
    static Key generateSsh(String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
            byte[] blob = sshBlob("ssh-rsa", rsa.getPublicExponent(), rsa.getModulus());
            String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " " + comment;
            String privateKey = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new Key(publicKey, COLONS.formatHex(digest("MD5", blob)), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /** The blob holds length-prefixed fields: first the key type, then at least one more, and nothing after them. */
    private static boolean wellFormed(String type, byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        int fields = 0;
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 4) {
                return false;
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining() || (fields == 0 && length == 0)) {
                return false;
            }
            byte[] field = new byte[length];
            buffer.get(field);
            if (fields == 0 && !type.equals(new String(field, StandardCharsets.US_ASCII))) {
                return false;
            }
            fields++;
        }
        return fields >= 2;
    }

    private static byte[] sshBlob(String type, BigInteger exponent, BigInteger modulus) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] e = exponent.toByteArray();
        byte[] n = modulus.toByteArray();
        return ByteBuffer.allocate(12 + name.length + e.length + n.length)
                .putInt(name.length).put(name).putInt(e.length).put(e).putInt(n.length).put(n).array();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
