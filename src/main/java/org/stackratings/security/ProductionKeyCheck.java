package org.stackratings.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.List;

/**
 * Stops the packaged application (launch mode {@link LaunchMode#NORMAL}) at start-up when a configured key is one
 * that {@link ProductionKeyRules} refuses. Observes start-up before every {@code @Startup} bean, so nothing is sealed
 * with a public key first. Dev and test modes use the public keys of application.properties and are not checked.
 */
@ApplicationScoped
class ProductionKeyCheck {

    private final SecurityConfig config;

    ProductionKeyCheck(SecurityConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        check(LaunchMode.current());
    }

    /** @throws IllegalStateException naming each refused key (never its value) when {@code mode} is production */
    void check(LaunchMode mode) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = ProductionKeyRules.problems(config.adminKey(), config.credentialKey());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }
}
