package org.stackratings.security;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts member credentials (and the agency's other stored secrets) with AES-256-GCM (JDK provider). The ciphertext
 * is bound to its owner (the associated data, e.g. the member slug), so a value copied to another row does not
 * decrypt. Stored form: {@code v2:<key id>:} + base64(12-byte nonce || ciphertext || 16-byte tag), sealed under the
 * current key ({@code stackratings.security.credential-key}); values sealed under a previous key
 * ({@code stackratings.security.previous-credential-keys}) still open, and {@link #reseal} moves them to the current
 * one (docs/operations.md, "Rotating the credential key"). The key id is the first 8 hex digits of a SHA-256 of the
 * key: it names a key without revealing it. The older form {@code v1:} (no key id) opens under any configured key.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record Key(String id, SecretKeySpec spec) {
    }

    private final Key current;
    /** Every configured key by id, the current one first. */
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @jakarta.inject.Inject
    public CredentialCipher(SecurityConfig config) {
        this(config.credentialKey(), config.previousCredentialKeys().orElse(List.of()));
    }

    CredentialCipher(String base64Key) {
        this(base64Key, List.of());
    }

    CredentialCipher(String base64Key, List<String> previousBase64Keys) {
        this.current = key(base64Key, "stackratings.security.credential-key");
        keys.put(current.id(), current);
        for (String previous : previousBase64Keys) {
            Key key = key(previous, "stackratings.security.previous-credential-keys");
            keys.putIfAbsent(key.id(), key);
        }
    }

    /** The id of the key new values are sealed under. */
    public String currentKeyId() {
        return current.id();
    }

    /** The ids of every configured key, the current one first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    /** The id of the key {@code stored} is sealed under; empty for the older form, which names none. */
    public Optional<String> keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(V2)) {
            return Optional.empty();
        }
        int end = stored.indexOf(':', V2.length());
        return end < 0 ? Optional.empty() : Optional.of(stored.substring(V2.length(), end));
    }

    /** Whether {@code stored} is sealed under the current key (nothing to reseal). */
    public boolean isCurrent(String stored) {
        return keyIdOf(stored).filter(current.id()::equals).isPresent();
    }

    public String encrypt(String plaintext, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, owner);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return V2 + current.id() + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws CredentialDecryptionException when the value was sealed under another key or owner, or altered */
    public String decrypt(String stored, String owner) {
        if (stored != null && stored.startsWith(V2)) {
            String id = keyIdOf(stored).orElseThrow(() ->
                    new CredentialDecryptionException("stored credential has no key id"));
            Key key = keys.get(id);
            if (key == null) {
                throw new CredentialDecryptionException("stored credential is sealed under key " + id
                        + ", which is not configured (stackratings.security.previous-credential-keys)");
            }
            return open(key, stored.substring(V2.length() + id.length() + 1), owner);
        }
        if (stored == null || !stored.startsWith(V1)) {
            throw new CredentialDecryptionException("stored credential has an unknown format");
        }
        List<Key> tried = new ArrayList<>(keys.values());
        for (int i = 0; i < tried.size(); i++) {
            try {
                return open(tried.get(i), stored.substring(V1.length()), owner);
            } catch (CredentialDecryptionException e) {
                if (i == tried.size() - 1) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("a cipher always has its current key");
    }

    /** {@code stored} sealed under the current key: itself when it is already, else opened and sealed again. */
    public String reseal(String stored, String owner) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored, owner), owner);
    }

    private String open(Key key, String base64, String owner) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CredentialDecryptionException("stored credential is not base64");
        }
        if (all.length <= NONCE_BYTES) {
            throw new CredentialDecryptionException("stored credential is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, owner);
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CredentialDecryptionException("stored credential does not authenticate under the configured key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static Key key(String base64Key, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64), got " + raw.length
                    + " bytes; generate one with: openssl rand -base64 32");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("stackratings credential key id".getBytes(StandardCharsets.US_ASCII));
            String id = HexFormat.of().formatHex(sha.digest(raw), 0, 4);
            return new Key(id, new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static Cipher cipher(int mode, Key key, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
