package org.stackratings.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sandbox starts in dev and test mode when enabled, in production only with the explicit override. */
class SandboxStartTest {

    private Vertx vertx;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger launcherLog = Logger.getLogger(SandboxLauncher.class.getName());

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        launcherLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        launcherLog.removeHandler(capture);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static SandboxConfig config(boolean enabled, boolean allowInProduction) {
        return new SandboxConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public boolean allowInProduction() {
                return allowInProduction;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 0;
            }

            @Override
            public String profiles() {
                return "sandbox/test-clouds.yaml";
            }

            @Override
            public Backfill backfill() {
                throw new AssertionError("the launcher does not read the backfill settings");
            }
        };
    }

    private List<LogRecord> warnings() {
        return logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"DEVELOPMENT", "TEST"})
    void devAndTestStartItWhenEnabled(LaunchMode mode) {
        assertThat(SandboxStart.decide(true, false, mode)).isEqualTo(SandboxStart.START);
        assertThat(SandboxStart.decide(false, true, mode)).isEqualTo(SandboxStart.OFF);
        SandboxLauncher launcher = new SandboxLauncher(config(true, false), vertx);
        launcher.start(mode);
        try {
            assertThat(launcher.server()).isPresent();
            assertThat(warnings()).isEmpty();
        } finally {
            launcher.stop();
        }
    }

    @Test
    void productionRefusesToStartWithoutTheOverride() {
        assertThatThrownBy(() -> SandboxStart.decide(true, false, LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class);
        SandboxLauncher launcher = new SandboxLauncher(config(true, false), vertx);
        assertThatThrownBy(() -> launcher.start(LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stackratings.sandbox.enabled=true in the production launch mode")
                .hasMessageContaining("no authentication")
                .hasMessageContaining("stackratings.sandbox.allow-in-production=true");
        assertThat(launcher.server()).isEmpty();
    }

    @Test
    void productionWithTheOverrideStartsItAndWarnsLoudly() {
        SandboxLauncher launcher = new SandboxLauncher(config(true, true), vertx);
        launcher.start(LaunchMode.NORMAL);
        try {
            SandboxServer server = launcher.server().orElseThrow();
            assertThat(warnings()).singleElement().satisfies(r -> assertThat(r.getMessage())
                    .contains("production launch mode")
                    .contains("port " + server.port())
                    .contains(server.baseUrl() + "/_sandbox is UNAUTHENTICATED"));
        } finally {
            launcher.stop();
        }
    }

    @Test
    void nothingStartsWhenNotEnabledWhateverTheMode() {
        for (LaunchMode mode : LaunchMode.values()) {
            SandboxLauncher launcher = new SandboxLauncher(config(false, true), vertx);
            launcher.start(mode);
            assertThat(launcher.server()).as(mode.name()).isEmpty();
        }
        assertThat(SandboxStart.decide(false, false, LaunchMode.NORMAL)).isEqualTo(SandboxStart.OFF);
    }
}
