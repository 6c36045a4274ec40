package org.stackratings;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process, as in production:
 * for tests that kill an instance, run several against one database, or measure its CPU alone. The jar is built for
 * the database kind of the build that made it ({@code -Ppostgres}: PostgreSQL, {@link #postgresDefaults}).
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private final Thread killer;

    private PackagedApp(String name, int port, int managementPort, Path log, Process process, Thread killer) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
        this.killer = killer;
    }

    /** Settings for the test PostgreSQL database ({@code test.db.*} system properties, as the postgres suite uses). */
    public static Map<String, String> postgresDefaults() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/stackratings_test"));
        settings.put("quarkus.datasource.username", System.getProperty("test.db.user", "stackratings"));
        settings.put("quarkus.datasource.password", System.getProperty("test.db.password", "stackratings"));
        return settings;
    }

    /** Flyway empties the database before it migrates: a run that must start from nothing. */
    public static Map<String, String> cleanDatabase() {
        return Map.of("quarkus.flyway.clean-at-start", "true", "quarkus.flyway.clean-disabled", "false");
    }

    /**
     * A packaged application on a clean test database, with these keys, whose members are sandbox clouds on this
     * machine ({@link #localSandboxEgress()}).
     */
    public static Map<String, String> freshWithLocalSandbox(String adminKey, String credentialKey) {
        Map<String, String> settings = postgresDefaults();
        settings.putAll(cleanDatabase());
        settings.put("stackratings.security.admin-key", adminKey);
        settings.put("stackratings.security.credential-key", credentialKey);
        settings.putAll(localSandboxEgress());
        return settings;
    }

    /**
     * Egress settings for a packaged application whose members are sandbox clouds on this machine: production allows
     * neither http nor loopback addresses (docs/configuration.md, "Member endpoints"), so tests allow 127.0.0.1 over http.
     */
    public static Map<String, String> localSandboxEgress() {
        return Map.of("stackratings.egress.allowed-ranges", "127.0.0.1/32", "stackratings.egress.allow-http", "true");
    }

    /**
     * Starts the jar with these system properties and waits until {@code /q/health/ready} (on its management port) is
     * UP. Both ports are free ones, on 127.0.0.1. Its output goes to {@code target/<name>.log}. The process is killed
     * when this JVM exits, however it exits.
     */
    public static PackagedApp start(String name, Map<String, String> properties, List<String> jvmOptions) {
        int port = freePort();
        int managementPort = freePort();
        Path log = Path.of("target", name + ".log");
        Process process = launch(port, managementPort, log, properties, jvmOptions);
        Thread killer = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
        PackagedApp app = new PackagedApp(name, port, managementPort, log, process, killer);
        try {
            app.awaitReady();
            return app;
        } catch (Throwable e) {
            app.close();
            throw e;
        }
    }

    /**
     * Starts the jar with these system properties for a start-up that must fail, and waits until it exits (at most
     * {@code within}; then it is killed and the test fails). Its output goes to {@code target/<name>.log}.
     */
    public static Exited runUntilExit(String name, Map<String, String> properties, Duration within) {
        Path log = Path.of("target", name + ".log");
        Process process = launch(freePort(), freePort(), log, properties, List.of());
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(name + " was still running after " + within + ":\n" + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return new Exited(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a run that had to fail ended: its exit code and everything it printed. */
    public record Exited(int code, String output) {
    }

    private static Process launch(int port, int managementPort, Path log, Map<String, String> properties, List<String> jvmOptions) {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing: build it first (./mvnw package -Ppostgres -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+ExitOnOutOfMemoryError"); // as README.md's production command: a supervisor restarts it
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                Response ready = RestAssured.given().get(managementUrl("/q/health/ready"));
                if (ready.statusCode() == 200 && "UP".equals(ready.jsonPath().getString("status"))) {
                    return;
                }
            } catch (Exception e) { // RestAssured rethrows ConnectException without declaring it
                if (!(e instanceof ConnectException)) {
                    throw e;
                }
                // connection refused until the HTTP server is up: try again
            }
            sleep(250);
        }
        fail(name + " was not ready within " + READY_WITHIN + ":\n" + tail());
    }

    /** A URL on the public port. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A URL on the management port, which alone serves {@code /q/metrics} and {@code /q/health}. */
    public String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** CPU time (user + system) the process has used so far, from /proc (Linux). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS does not report the CPU time of " + name));
    }

    /** SIGKILL: no shutdown hook runs, as when a machine dies. Waits until the process is gone; returns its exit code. */
    public int killHard() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                fail(name + " (pid " + process.pid() + ") did not die within 10 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** A JUnit extension that, when a test fails, prints the end of each named application's log (target/NAME.log). */
    public static TestWatcher logsOnFailure(String... names) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                for (String name : names) {
                    Path file = Path.of("target", name + ".log");
                    if (Files.exists(file)) {
                        System.out.println("---- " + file + " (end) ----\n" + tail(file));
                    }
                }
            }
        };
    }

    /** The last 60 lines of the log. */
    public String tail() {
        return tail(log);
    }

    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) { // the hook is running or about to: it kills the process
            return;
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
