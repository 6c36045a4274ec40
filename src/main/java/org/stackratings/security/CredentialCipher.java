package org.stackratings.security;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts member credentials with AES-256-GCM (JDK provider). The ciphertext is bound to its
 * owner (the associated data, e.g. the member slug), so a value copied to another row does not decrypt.
 * Stored form: {@code v1:} + base64(12-byte nonce || ciphertext || 16-byte tag).
 */
@ApplicationScoped
public class CredentialCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @jakarta.inject.Inject
    public CredentialCipher(SecurityConfig config) {
        this(config.credentialKey());
    }

    CredentialCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stackratings.security.credential-key is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("stackratings.security.credential-key must be 32 bytes (base64), got "
                    + raw.length + " bytes; generate one with: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String plaintext, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws CredentialDecryptionException when the value was sealed under another key or owner, or altered */
    public String decrypt(String stored, String owner) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new CredentialDecryptionException("stored credential has an unknown format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (all.length <= NONCE_BYTES) {
            throw new CredentialDecryptionException("stored credential is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, owner);
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CredentialDecryptionException("stored credential does not authenticate under the configured key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
