package org.stackratings.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.stackratings.PackagedApp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application (launch mode NORMAL, as in production) refuses to start with the public dev/test keys or a
 * short admin key, naming the key and not its value, and starts with strong ones: {@link ProductionKeyCheck} is wired
 * to start-up. Runs under maven-failsafe in the {@code postgres} profile only (the jar is built for PostgreSQL):
 * {@code scripts/postgres-test-db.sh && ./mvnw verify -Ppostgres}.
 */
class ProductionKeysIT {

    private static final String STRONG_ADMIN_KEY = "production-keys-it-admin-key-0123456789";
    private static final String STRONG_CREDENTIAL_KEY = "cHJvZHVjdGlvbi1rZXlzLWl0LWtleS0zMi1ieXRlcyE=";
    private static final String TEST_ADMIN_KEY = "test-admin-key";
    private static final String TEST_CREDENTIAL_KEY = "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyLWJ5dGU=";
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(90);

    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = PackagedApp.logsOnFailure(
            "production-keys-public", "production-keys-short", "production-keys-strong");

    @Test
    void refusesToStartWithThePublicTestKeys() {
        PackagedApp.Exited exited = PackagedApp.runUntilExit("production-keys-public", keys(TEST_ADMIN_KEY, TEST_CREDENTIAL_KEY), EXIT_WITHIN);
        assertThat(exited.code()).isNotZero();
        assertThat(exited.output()).contains("Refusing to start in production")
                .contains("stackratings.security.admin-key is a public dev/test value")
                .contains("stackratings.security.credential-key is a public dev/test value")
                .doesNotContain(TEST_ADMIN_KEY).doesNotContain(TEST_CREDENTIAL_KEY);
    }

    @Test
    void refusesToStartWithAShortAdminKey() {
        String shortKey = "only-twenty-chars-ab";
        PackagedApp.Exited exited = PackagedApp.runUntilExit("production-keys-short", keys(shortKey, STRONG_CREDENTIAL_KEY), EXIT_WITHIN);
        assertThat(exited.code()).isNotZero();
        assertThat(exited.output()).contains("stackratings.security.admin-key is shorter than 32 characters")
                .doesNotContain("credential-key is a public").doesNotContain(shortKey);
    }

    @Test
    void startsWithStrongKeys() {
        Map<String, String> properties = keys(STRONG_ADMIN_KEY, STRONG_CREDENTIAL_KEY);
        // a clean database: the suites before leave statement keys sealed with the test credential key
        properties.putAll(PackagedApp.cleanDatabase());
        try (PackagedApp app = PackagedApp.start("production-keys-strong", properties, List.of())) {
            assertThat(app.process().isAlive()).isTrue();
        }
    }

    private static Map<String, String> keys(String adminKey, String credentialKey) {
        Map<String, String> properties = new LinkedHashMap<>(PackagedApp.postgresDefaults());
        properties.put("stackratings.security.admin-key", adminKey);
        properties.put("stackratings.security.credential-key", credentialKey);
        return properties;
    }
}
