package org.stackratings.security;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTokenTest {

    @Test
    void generatedKeysParseBackAndHideTheirSecret() {
        KeyToken token = KeyToken.generate(new SecureRandom());
        assertThat(token.value()).matches("^sr_[0-9a-f]{16}_[0-9a-f]{64}$").startsWith("sr_" + token.id() + "_");
        assertThat(KeyToken.parse(token.value())).contains(token);
        assertThat(token.toString()).doesNotContain(token.value().substring(20));
        assertThat(KeyToken.generate(new SecureRandom()).id()).isNotEqualTo(token.id());
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(KeyToken.parse(null)).isEmpty();
        assertThat(KeyToken.parse("dev-admin-key")).isEmpty();
        assertThat(KeyToken.parse("sr_0123456789abcdef_" + "a".repeat(63))).isEmpty();
        assertThat(KeyToken.parse("sr_0123456789abcdef_" + "A".repeat(64))).isEmpty();
        assertThat(KeyToken.parse(" sr_0123456789abcdef_" + "a".repeat(64))).isEmpty();
        assertThat(KeyToken.parse("sr_0123456789abcdef_" + "a".repeat(64))).isPresent();
    }

    @Test
    void providerKeysReadOnlyTheirMember() {
        assertThat(new KeyPrincipal("a", Roles.PROVIDER, "aurora", null).mayReadMemberData("aurora")).isTrue();
        assertThat(new KeyPrincipal("a", Roles.PROVIDER, "aurora", null).mayReadMemberData("borealis")).isFalse();
        assertThat(new KeyPrincipal("a", Roles.PROVIDER, null, null).mayReadMemberData(null)).isFalse();
        assertThat(new KeyPrincipal("b", Roles.EXCHANGE, null, null).mayReadMemberData("aurora")).isFalse();
        assertThat(new KeyPrincipal("c", Roles.ADMIN, null, null).mayReadMemberData("aurora")).isTrue();
    }
}
