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
        assertThat(sealed).startsWith("v2:" + cipher.currentKeyId() + ":").doesNotContain("s3cret-password");
        assertThat(cipher.currentKeyId()).matches("[0-9a-f]{8}");
        assertThat(cipher.decrypt(sealed, "aurora")).isEqualTo("s3cret-password");
    }

    @Test
    void aPreviousKeyStillOpensAndResealMovesAValueToTheCurrentKey() {
        String old = Base64.getEncoder().encodeToString(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        CredentialCipher before = new CredentialCipher(old);
        CredentialCipher rotating = new CredentialCipher(KEY, java.util.List.of(old));
        String sealed = before.encrypt("pw", "aurora");

        assertThat(rotating.keyIds()).containsExactly(cipher.currentKeyId(), before.currentKeyId());
        assertThat(rotating.isCurrent(sealed)).isFalse();
        assertThat(rotating.decrypt(sealed, "aurora")).isEqualTo("pw");
        String resealed = rotating.reseal(sealed, "aurora");
        assertThat(rotating.isCurrent(resealed)).isTrue();
        assertThat(rotating.reseal(resealed, "aurora")).as("already current").isSameAs(resealed);
        assertThat(cipher.decrypt(resealed, "aurora")).as("the current key alone opens it").isEqualTo("pw");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "aurora")).isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("not configured").hasMessageContaining(before.currentKeyId());
    }

    @Test
    void theOlderFormWithoutAKeyIdOpensUnderAnyConfiguredKey() {
        String old = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String v2 = new CredentialCipher(old).encrypt("legacy", "m");
        String v1 = "v1:" + v2.substring(v2.indexOf(':', 3) + 1);

        assertThat(new CredentialCipher(KEY, java.util.List.of(old)).decrypt(v1, "m")).isEqualTo("legacy");
        assertThat(new CredentialCipher(old).decrypt(v1, "m")).isEqualTo("legacy");
        assertThatThrownBy(() -> cipher.decrypt(v1, "m")).isInstanceOf(CredentialDecryptionException.class);
        assertThat(cipher.keyIdOf(v1)).isEmpty();
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
        String prefix = sealed.substring(0, sealed.indexOf(':', 3) + 1);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        raw[raw.length - 1] ^= 1;
        String tampered = prefix + Base64.getEncoder().encodeToString(raw);
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
