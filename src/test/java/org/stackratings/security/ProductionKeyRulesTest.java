package org.stackratings.security;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionKeyRulesTest {

    private static final String GOOD_ADMIN = "q3Jx0b8mV1u2HcN5yTzR7wLpE4sKdA9fG6hJ2kM8nP0="; // 44 characters
    private static final String GOOD_CREDENTIAL = Base64.getEncoder()
            .encodeToString("a-credential-key-of-32-bytes-ok!".getBytes(StandardCharsets.US_ASCII));
    private static final String DEV_CREDENTIAL = "ZGV2LW9ubHkta2V5LW5vdC1zZWNyZXQtMzItYnl0ZXM=";
    private static final String TEST_CREDENTIAL = "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyLWJ5dGU=";

    @Test
    void acceptsStrongKeysAndNoAdminKeyAtAll() {
        assertThat(ProductionKeyRules.problems(Optional.of(GOOD_ADMIN), GOOD_CREDENTIAL)).isEmpty();
        assertThat(ProductionKeyRules.problems(Optional.empty(), GOOD_CREDENTIAL)).isEmpty();
        assertThat(ProductionKeyRules.problems(Optional.of("   "), GOOD_CREDENTIAL)).isEmpty();
        assertThat(ProductionKeyRules.problems(Optional.of("x".repeat(32)), GOOD_CREDENTIAL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 20, 31})
    void refusesAnAdminKeyShorterThan32Characters(int length) {
        String key = "Q".repeat(length); // no Q in the message
        assertThat(ProductionKeyRules.problems(Optional.of(key), GOOD_CREDENTIAL))
                .singleElement().asString()
                .startsWith("stackratings.security.admin-key is shorter than 32 characters")
                .doesNotContain(key);
    }

    @Test
    void countsTheAdminKeyWithoutSurroundingSpaces() {
        assertThat(ProductionKeyRules.problems(Optional.of("  " + "k".repeat(30) + "   "), GOOD_CREDENTIAL)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-admin-key", "test-admin-key", " test-admin-key "})
    void refusesThePublicAdminKeys(String key) {
        assertThat(ProductionKeyRules.problems(Optional.of(key), GOOD_CREDENTIAL))
                .singleElement().asString()
                .startsWith("stackratings.security.admin-key is a public dev/test value")
                .doesNotContain(key.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV_CREDENTIAL, TEST_CREDENTIAL, " " + TEST_CREDENTIAL + "\n",
            "ZGV2LW9ubHkta2V5LW5vdC1zZWNyZXQtMzItYnl0ZXM"}) // without its padding: the same 32 bytes
    void refusesThePublicCredentialKeysHoweverSpelled(String key) {
        assertThat(ProductionKeyRules.problems(Optional.of(GOOD_ADMIN), key))
                .singleElement().asString()
                .startsWith("stackratings.security.credential-key is a public dev/test value")
                .doesNotContain(key.trim());
    }

    @Test
    void reportsEveryRefusedKey() {
        assertThat(ProductionKeyRules.problems(Optional.of("dev-admin-key"), DEV_CREDENTIAL))
                .hasSize(2).anyMatch(p -> p.startsWith("stackratings.security.admin-key"))
                .anyMatch(p -> p.startsWith("stackratings.security.credential-key"));
    }

    @Test
    void leavesAKeyThatIsNotBase64ToTheCipher() {
        assertThat(ProductionKeyRules.problems(Optional.empty(), "not base64 at all!")).isEmpty();
    }

    /** The public values the rule knows are exactly those that application.properties gives the dev and test profiles. */
    @Test
    void knowsEveryPublicKeyOfApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<String> adminKeys = values(properties, "stackratings.security.admin-key");
        List<String> credentialKeys = values(properties, "stackratings.security.credential-key");
        assertThat(adminKeys).isNotEmpty();
        assertThat(credentialKeys).isNotEmpty();
        assertThat(ProductionKeyRules.PUBLIC_ADMIN_KEYS).containsExactlyInAnyOrderElementsOf(adminKeys);
        assertThat(ProductionKeyRules.PUBLIC_CREDENTIAL_KEYS).containsExactlyInAnyOrderElementsOf(credentialKeys);
        adminKeys.forEach(key -> assertThat(ProductionKeyRules.problems(Optional.of(key), GOOD_CREDENTIAL)).hasSize(1));
        credentialKeys.forEach(key -> assertThat(ProductionKeyRules.problems(Optional.empty(), key)).hasSize(1));
    }

    private static List<String> values(Properties properties, String key) {
        return properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("%") && name.endsWith("." + key))
                .map(properties::getProperty).map(String::trim).distinct().toList();
    }

    @Test
    void theStartUpCheckRefusesPublicKeysInProductionOnly() {
        ProductionKeyCheck check = new ProductionKeyCheck(config(Optional.of("test-admin-key"), TEST_CREDENTIAL));
        assertThatThrownBy(() -> check.check(LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to start in production: ")
                .hasMessageContaining("stackratings.security.admin-key is a public dev/test value")
                .hasMessageContaining("stackratings.security.credential-key is a public dev/test value")
                .message().doesNotContain("test-admin-key").doesNotContain(TEST_CREDENTIAL);
        assertThatCode(() -> check.check(LaunchMode.TEST)).doesNotThrowAnyException();
        assertThatCode(() -> check.check(LaunchMode.DEVELOPMENT)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(LaunchMode.class)
    void theStartUpCheckLetsGoodKeysStartInEveryMode(LaunchMode mode) {
        assertThatCode(() -> new ProductionKeyCheck(config(Optional.of(GOOD_ADMIN), GOOD_CREDENTIAL)).check(mode))
                .doesNotThrowAnyException();
    }

    private static SecurityConfig config(Optional<String> adminKey, String credentialKey) {
        return new SecurityConfig() {
            @Override
            public Optional<String> adminKey() {
                return adminKey;
            }

            @Override
            public String credentialKey() {
                return credentialKey;
            }

            @Override
            public Optional<java.util.List<String>> previousCredentialKeys() {
                return Optional.empty();
            }

            @Override
            public Duration keyCacheTtl() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
