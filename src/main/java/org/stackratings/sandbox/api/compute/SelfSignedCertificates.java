package org.stackratings.sandbox.api.compute;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The x509 keypair Nova generates when none is given (2.2, {@code type: x509}): a new RSA key and a self-signed
 * certificate for it (SHA-256 with RSA, valid ten years, common name {@code Generated-by-Nova}), written in DER
 * here since the JDK has no public API that builds certificates.
 */
final class SelfSignedCertificates {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** sha256WithRSAEncryption (1.2.840.113549.1.1.11) with NULL parameters. */
    private static final byte[] SHA256_WITH_RSA = sequence(
            tlv(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b}),
            new byte[] {0x05, 0x00});
    /** commonName (2.5.4.3). */
    private static final byte[] COMMON_NAME = tlv(0x06, new byte[] {0x55, 0x04, 0x03});

    private SelfSignedCertificates() {
    }

    /** The PEM certificate and the PEM private key of a new keypair named by {@code commonName}. */
    static String[] generate(String commonName, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] name = sequence(tlv(0x31, sequence(COMMON_NAME,
                    tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
            Instant from = now.truncatedTo(ChronoUnit.SECONDS);
            byte[] validity = sequence(tlv(0x17, UTC_TIME.format(from).getBytes(StandardCharsets.US_ASCII)),
                    tlv(0x17, UTC_TIME.format(from.plus(3650, ChronoUnit.DAYS)).getBytes(StandardCharsets.US_ASCII)));
            byte[] serial = tlv(0x02, new BigInteger(64, new SecureRandom()).add(BigInteger.ONE).toByteArray());
            byte[] version = tlv(0xa0, tlv(0x02, new byte[] {2}));
            byte[] tbs = sequence(version, serial, SHA256_WITH_RSA, name, validity, name,
                    pair.getPublic().getEncoded());
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] certificate = sequence(tbs, SHA256_WITH_RSA, tlv(0x03, bits));
            return new String[] {pem("CERTIFICATE", certificate), pem("PRIVATE KEY", pair.getPrivate().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    /** A DER element: tag, definite length, content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int start = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - start));
            out.write(bytes, start, bytes.length - start);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
