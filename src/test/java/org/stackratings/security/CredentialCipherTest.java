package org.stackratings.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final CredentialCipher cipher = new CredentialCipher(KEY);

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        String sealed = cipher.encrypt("s3cret-password", "aurora");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret-password");
        assertThat(cipher.decrypt(sealed, "aurora")).isEqualTo("s3cret-password");
    }

    @Test
    void usesAFreshNonceEachTime() {
        assertThat(cipher.encrypt("same", "m")).isNotEqualTo(cipher.encrypt("same", "m"));
    }

    @Test
    void refusesACiphertextMovedToAnotherMember() {
        String sealed = cipher.encrypt("pw", "aurora");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "borealis")).isInstanceOf(CredentialDecryptionException.class);
    }

    @Test
    void refusesATamperedCiphertextOrAnotherKey() {
        String sealed = cipher.encrypt("pw", "aurora");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "aurora")).isInstanceOf(CredentialDecryptionException.class);

        byte[] other = new byte[32];
        other[0] = 7;
        CredentialCipher otherKey = new CredentialCipher(Base64.getEncoder().encodeToString(other));
        assertThatThrownBy(() -> otherKey.decrypt(sealed, "aurora")).isInstanceOf(CredentialDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain", "aurora")).isInstanceOf(CredentialDecryptionException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CredentialCipher("not base64 !!"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
