package org.stackratings.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.PackagedApp;
import org.stackratings.SandboxedApp;

/**
 * The backup and restore drill of docs/operations.md, performed: the packaged application (PostgreSQL) measures a
 * sandbox member; the database is dumped with {@code pg_dump -Fc} while it runs; the dump is restored with
 * {@code pg_restore} into an empty second database ({@code stackratings_restore}, made by scripts/postgres-test-db.sh);
 * an instance started on the restored database with the same credential key has the member, its measurements, its
 * signing key and readable credentials (a new probe run completes). Started with another credential key it refuses to
 * start, naming the statement key it cannot read: the database and the credential key must both be kept.
 * <p>
 * Runs under maven-failsafe in the {@code postgres} profile only: {@code scripts/postgres-test-db.sh && ./mvnw verify -Ppostgres}.
 */
class BackupRestoreIT {

    private static final String CLOUD = "restorable";
    private static final String PASSWORD = "restorable-secret";
    private static final String SLUG = "restore-drill";
    private static final String ADMIN_KEY = "backup-restore-admin-key-of-at-least-32-chars";
    private static final String CREDENTIAL_KEY = Base64.getEncoder()
            .encodeToString("backup-restore-it-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("not-the-key-the-backup-needs-32b".getBytes(StandardCharsets.US_ASCII));

    @RegisterExtension
    static final SandboxedApp FIXTURE = SandboxedApp.cloud(CLOUD, PASSWORD, "").keys(ADMIN_KEY, CREDENTIAL_KEY);

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aRestoredDatabaseWithTheCredentialKeyCarriesOnAndWithoutTheKeyItDoesNot() throws Exception {
        Path dump = Path.of("target", "backup-restore-drill.dump");
        Files.deleteIfExists(dump);
        int measurements;
        String signingKid;
        try (PackagedApp source = FIXTURE.start("backup-source", true)) {
            Response onboarded = FIXTURE.admin().body(FIXTURE.member(SLUG, "Restore drill",
                            Map.of("api", Map.of("enabled", false))))
                    .post(source.url("/api/v1/members"));
            assertThat(onboarded.statusCode()).as(onboarded.asString()).isEqualTo(201);
            measurements = probeRun(source).getList("measurements").size()
                    + probeRun(source).getList("measurements").size();
            assertThat(measurements).isPositive();
            awaitMeasurements(source, measurements);
            signingKid = RestAssured.get(source.url("/.well-known/jwks.json")).jsonPath().getString("keys[0].kid");
            // the backup is taken while the instance runs, as an operator would
            run(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, database(sourceUrl())));
        }
        assertThat(dump).isNotEmptyFile();

        emptyDatabase(restoreUrl());
        run(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database(restoreUrl()),
                dump.toString()));

        Map<String, String> restored = new LinkedHashMap<>(PackagedApp.postgresDefaults());
        restored.put("quarkus.datasource.jdbc.url", restoreUrl());
        PackagedApp.Exited withoutKey = FIXTURE.runUntilExit("backup-restored-other-key",
                FIXTURE.settings(restored, OTHER_KEY), Duration.ofSeconds(90));
        assertThat(withoutKey.code()).as("another credential key cannot read the stored signing key").isNotZero();
        assertThat(withoutKey.output()).contains("the statement signing key " + signingKid + " cannot be opened");

        try (PackagedApp copy = FIXTURE.start("backup-restored", FIXTURE.settings(restored, CREDENTIAL_KEY))) {
            assertThat(FIXTURE.admin().get(copy.url("/api/v1/members/" + SLUG)).statusCode()).isEqualTo(200);
            assertThat(measurements(copy)).as("every measurement is restored").isEqualTo(measurements);
            int before = measurements;
            assertThat(RestAssured.get(copy.url("/.well-known/jwks.json")).jsonPath().getList("keys.kid"))
                    .contains(signingKid);
            io.restassured.path.json.JsonPath run = probeRun(copy);
            assertThat(run.getString("status")).as("the restored credentials open with the kept key")
                    .isEqualTo("COMPLETED");
            assertThat(run.getList("measurements.outcome")).contains("OK");
            awaitMeasurements(copy, before + run.getList("measurements").size());
        }
    }

    /** Runs the api probe now; returns the run. */
    private static io.restassured.path.json.JsonPath probeRun(PackagedApp app) {
        Response run = FIXTURE.admin().body("{}").post(app.url("/api/v1/members/" + SLUG + "/probe-runs"));
        assertThat(run.statusCode()).as(run.asString()).isEqualTo(201);
        return run.jsonPath();
    }

    private static int measurements(PackagedApp app) {
        return FIXTURE.admin().get(app.url("/api/v1/members/" + SLUG + "/measurements?size=500")).jsonPath()
                .getList("items").size();
    }

    private static void awaitMeasurements(PackagedApp app, int expected) {
        await("every measurement stored").atMost(Duration.ofSeconds(15)).until(() -> measurements(app) == expected);
    }

    private static String sourceUrl() {
        return PackagedApp.postgresDefaults().get("quarkus.datasource.jdbc.url");
    }

    private static String restoreUrl() {
        return System.getProperty("test.db.restore-url", "jdbc:postgresql://127.0.0.1:5432/stackratings_restore");
    }

    /** A libpq connection URI for the JDBC URL, with the test database's user and password. */
    private static String database(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> db = PackagedApp.postgresDefaults();
        return "postgresql://" + db.get("quarkus.datasource.username") + ":" + db.get("quarkus.datasource.password")
                + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    /** Drops everything in the restore database (a disaster leaves an empty one). */
    private static void emptyDatabase(String jdbcUrl) throws SQLException {
        Map<String, String> db = PackagedApp.postgresDefaults();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password")); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Path.of("target", "backup-restore-" + command.get(0) + ".log");
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command.get(0) + " ended").isTrue();
        assertThat(process.exitValue()).as(command.get(0) + ": " + Files.readString(log)).isZero();
    }
}
