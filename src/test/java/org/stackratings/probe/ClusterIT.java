package org.stackratings.probe;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.stackratings.PackagedApp;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfiles;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out (PRODUCT.md section 7): two instances of the packaged application ({@code quarkus-run.jar}) share one
 * PostgreSQL database, so one clustered Quartz job store. Members are onboarded with only the {@code api} probe, every
 * 10 s (the shortest cadence a member may ask for). The test shows that
 * <ol>
 *   <li>both instances execute scheduled runs (each run records the {@code stackratings.vantage} of the instance that
 *   made it, here the instance's name);</li>
 *   <li>when one instance is killed with SIGKILL while a run is in flight, the triggers it held (acquired or
 *   executing, read from {@code qrtz_fired_triggers}) stay with it until the survivor's Quartz declares it failed
 *   (within two check-in intervals plus Quartz's 7.5 s grace) and releases them; from then on every member is probed
 *   by the survivor at its cadence;</li>
 *   <li>no firing is executed twice, the in-flight run included: the i-th scheduled run of a member never starts
 *   before the i-th fire time of its trigger ({@code start_time + i × interval}), a member never has more runs than
 *   its trigger has fired ({@code times_triggered}), runs of a member never overlap, and the run in flight on the
 *   killed instance stays {@code RUNNING} (nothing completes or repeats it).</li>
 * </ol>
 * A trigger the dead instance held is late when it is released, and Quartz replays its missed firings (less than its
 * misfire threshold, 60 s, late) one after another; {@code ProbeJob} skips every firing more than half an interval
 * late, so no member gets a burst of catch-up runs (before that rule, a 10 s cadence got four runs 2.5 s apart).
 * The check-in interval ({@code quarkus.quartz.cluster-checkin-interval}, 15 s) is fixed when the jar is built, and
 * Quarkus passes Quartz's own property only when unset, so the test runs with the production value: the takeover
 * takes 7.5 to 37.5 s.
 * Runs under maven-failsafe in the {@code postgres} profile only (the jar is built for PostgreSQL):
 * {@code scripts/postgres-test-db.sh && ./mvnw verify -Ppostgres}.
 */
class ClusterIT {

    private static final String CLOUD = "shared";
    private static final String PASSWORD = "cluster-secret";
    private static final String ADMIN_KEY = "cluster-it-admin-key-of-at-least-32-chars";
    private static final String CREDENTIAL_KEY = Base64.getEncoder()
            .encodeToString("cluster-it-credential-key-32byte".getBytes(StandardCharsets.US_ASCII));
    private static final String NODE_1 = "node-1";
    private static final String NODE_2 = "node-2";
    private static final int MEMBERS = 16;
    /**
     * Members are onboarded this far apart, so their triggers fall due spread out as members onboarded at different
     * times do, rather than all within the same second: one instance fires triggers one after another (each firing
     * is a few transactions on the job store's lock, 50 to 90 ms here), so 20 triggers due at once are fired up to 2 s late.
     */
    private static final Duration ONBOARDING_SPACING = Duration.ofMillis(300);
    /** The shortest cadence a member may ask for ({@code stackratings.member.min-api-interval}). */
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Quartz declares an instance failed once its check-in is this much overdue (JobStoreSupport.calcFailedIfAfter). */
    private static final Duration QUARTZ_GRACE = Duration.ofMillis(7_500);
    /** How late a run may start after the previous one plus the interval while its trigger is not held by a dead instance. */
    private static final Duration LATENESS = Duration.ofSeconds(3);
    /** {@code ProbeJob} skips a firing later than this (half the interval). */
    private static final Duration SKIPPED_WHEN_LATER = INTERVAL.dividedBy(2);
    /**
     * Two runs of a member closer than this would be a burst: a late firing followed at once by the next. A firing
     * at most half an interval late still leaves half an interval before the next one.
     */
    private static final Duration NO_BURST = INTERVAL.minus(SKIPPED_WHEN_LATER).minusSeconds(1);
    /** Quartz fires a trigger up to 2 ms before its fire time; the run's start is read from the clock after that. */
    private static final Duration EARLY = Duration.ofMillis(100);

    /** On failure, prints the end of each application log (target/cluster-app-node-N.log). */
    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = PackagedApp.logsOnFailure("cluster-app-" + NODE_1, "cluster-app-" + NODE_2);

    private static Vertx vertx;
    private static SandboxServer sandbox;
    private static PackagedApp node1;
    private static PackagedApp node2;
    private static Connection db;

    @BeforeAll
    static void startSandbox() throws SQLException {
        assertThat(PackagedApp.JAR).as("run `./mvnw verify -Ppostgres`: quarkus:build makes the jar before failsafe runs").isRegularFile();
        vertx = Vertx.vertx();
        // Every call takes 500 ms, so a run (token + four lists) is in flight for about 2.5 s: the killed instance
        // is caught with runs in flight.
        sandbox = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.parse("""
                clouds:
                  - name: %s
                    description: "One cloud behind every member of the cluster test"
                    users: [ { name: probe, password: %s } ]
                    latency: { distribution: constant, medianMs: 500 }
                """.formatted(CLOUD, PASSWORD)));
        Map<String, String> database = PackagedApp.postgresDefaults();
        db = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
    }

    @AfterAll
    static void stopAll() throws SQLException {
        for (PackagedApp app : new PackagedApp[] {node1, node2}) {
            if (app != null) {
                app.close();
            }
        }
        if (db != null) {
            db.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoInstancesShareTheProbeJobsAndTheSurvivorTakesOverWithNoRunExecutedTwice() {
        long began = System.nanoTime();
        node1 = start(NODE_1, true);
        node2 = start(NODE_2, false);
        Map<String, Long> checkins = query("select instance_name, checkin_interval from qrtz_scheduler_state",
                rs -> Map.entry(rs.getString(1), rs.getLong(2))).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(checkins).as("both instances checked into the one clustered job store").containsOnlyKeys(NODE_1, NODE_2);
        Duration checkin = Duration.ofMillis(checkins.get(NODE_1));

        List<String> members = IntStream.rangeClosed(1, MEMBERS).mapToObj(i -> "cluster-%02d".formatted(i)).toList();
        for (String member : members) {
            onboard(member);
            sleep(ONBOARDING_SPACING);
        }

        // Phase 1: both instances up. Every member runs twice, so its cadence is seen while the two share the work.
        await("every member ran twice").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> members.stream().allMatch(m -> runsOf(runs(), m).stream()
                        .filter(r -> r.status().equals("COMPLETED")).count() >= 2));

        // SIGKILL node-1 just after one of its runs started: it dies with that run in flight (a run takes about 2.5 s).
        await("node-1 has just started a run").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> runs().stream().anyMatch(r -> r.vantage().equals(NODE_1) && r.status().equals("RUNNING")
                        && r.startedAt().isAfter(Instant.now().minusMillis(300))));
        assertThat(node1.killHard()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        Instant killed = Instant.now();

        // What node-1 held when it died (nobody changes these rows until the recovery): the triggers it had acquired
        // or was executing. Their members are not run until the survivor's Quartz releases them.
        Map<String, String> held = query("select trigger_name, state from qrtz_fired_triggers where instance_name = ? and trigger_group = ?",
                rs -> Map.entry(rs.getString(1), rs.getString(2)), NODE_1, ProbeScheduler.GROUP).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        List<Run> interrupted = runs().stream().filter(r -> r.vantage().equals(NODE_1) && r.status().equals("RUNNING")).toList();
        assertThat(interrupted).as("node-1 died with runs in flight").isNotEmpty();
        assertThat(interrupted).as("each run in flight on node-1 belongs to a trigger node-1 was executing")
                .allSatisfy(r -> assertThat(held).containsEntry(r.member(), "EXECUTING"));

        // Phase 2: node-2's Quartz finds node-1's check-in overdue (interval + 7.5 s) at one of its own check-ins,
        // deletes node-1's state and releases its triggers, in one transaction.
        Duration takeoverBound = checkin.multipliedBy(2).plus(QUARTZ_GRACE).plusSeconds(5);
        Instant[] lastSeenAlive = {killed};
        await("node-2 declares node-1 failed").atMost(takeoverBound).pollInterval(Duration.ofMillis(200)).until(() -> {
            Instant polled = Instant.now();
            boolean present = !query("select 1 from qrtz_scheduler_state where instance_name = ?", rs -> 1, NODE_1).isEmpty();
            if (present) {
                lastSeenAlive[0] = polled;
            }
            return !present;
        });
        Instant recovered = Instant.now();
        assertThat(query("select entry_id from qrtz_fired_triggers where instance_name = ?", rs -> rs.getString(1), NODE_1))
                .as("node-1's fired triggers are released with it").isEmpty();
        await("every member ran on node-2 after the recovery").atMost(INTERVAL.plus(LATENESS).plusSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> members.stream().allMatch(m -> runsOf(runs(), m).stream().anyMatch(r -> r.vantage().equals(NODE_2)
                        && r.status().equals("COMPLETED") && r.startedAt().isAfter(recovered))));

        // The checks, over every scheduled run of the whole test.
        List<Run> runs = runs();
        Map<String, Firing> firings = firings();
        long beforeKill1 = runs.stream().filter(r -> r.startedAt().isBefore(killed) && r.vantage().equals(NODE_1)).count();
        long beforeKill2 = runs.stream().filter(r -> r.startedAt().isBefore(killed) && r.vantage().equals(NODE_2)).count();
        // Quartz gives each firing to one instance, but promises no even split. An instance holds at most one
        // acquired trigger (batch-trigger-acquisition-max-count 1), so while one waits for its next fire time the
        // other acquires the next trigger: with many triggers both get work.
        assertThat(beforeKill1).as("scheduled runs made by node-1 while both were up").isPositive();
        assertThat(beforeKill2).as("scheduled runs made by node-2 while both were up").isPositive();
        assertThat(runs).as("after the kill only node-2 runs").filteredOn(r -> r.startedAt().isAfter(killed))
                .allMatch(r -> r.vantage().equals(NODE_2));

        Cadence cadence = new Cadence(killed, recovered);
        for (String member : members) {
            List<Run> own = runsOf(runs, member);
            assertEachFiringRanOnce(member, own, firings.get(member));
            cadence.check(member, own);
            if (held.containsKey(member)) {
                assertThat(own).as("%s: its trigger was held by node-1, so it does not run before the recovery", member)
                        .noneMatch(r -> r.startedAt().isAfter(killed) && r.startedAt().isBefore(lastSeenAlive[0]));
            }
        }
        assertThat(cadence.catchUps).as("runs of a member less than %s after the previous (a catch-up burst)", NO_BURST).isZero();
        assertThat(interrupted).as("the runs in flight on node-1 are neither completed nor repeated (they stay RUNNING)")
                .allSatisfy(r -> assertThat(run(r.id())).isEqualTo(r));

        System.out.printf("ClusterIT: %d members every %d s; scheduled runs before the kill: node-1 %d, node-2 %d, after it:"
                        + " node-2 %d; node-1 died holding %s (%d run(s) in flight, left RUNNING); node-2 took it over %.1f s"
                        + " after the kill (check-in interval %d ms); longest gap %.1f s, across the kill %.1f s;"
                        + " %d catch-up run(s) (less than " + NO_BURST.toSeconds() + " s after the previous); firings %d, runs %d; %.0f s in all%n",
                MEMBERS, INTERVAL.toSeconds(), beforeKill1, beforeKill2,
                runs.stream().filter(r -> r.startedAt().isAfter(killed)).count(), held, interrupted.size(),
                Duration.between(killed, recovered).toMillis() / 1e3, checkin.toMillis(), cadence.longest.toMillis() / 1e3,
                cadence.longestAcrossKill.toMillis() / 1e3, cadence.catchUps,
                firings.values().stream().mapToLong(Firing::fired).sum(), firings.values().stream().mapToLong(Firing::runs).sum(),
                (System.nanoTime() - began) / 1e9);
    }

    /**
     * No firing of the member's trigger ran twice: its i-th scheduled run (by start) does not start before the
     * trigger's i-th fire time, its runs never outnumber the trigger's firings, and its runs never overlap. A second
     * execution of one firing (two instances, or a recovery trigger re-running the interrupted job) would add a run.
     */
    private static void assertEachFiringRanOnce(String member, List<Run> own, Firing firing) {
        assertThat(firing).as("the trigger of %s", member).isNotNull();
        assertThat(firing.interval()).isEqualTo(INTERVAL.toMillis());
        assertThat(firing.runs()).as("%s: scheduled runs never outnumber the firings of its trigger", member)
                .isLessThanOrEqualTo(firing.fired());
        for (int i = 0; i < own.size(); i++) {
            Instant fireTime = Instant.ofEpochMilli(firing.startTime() + i * firing.interval());
            assertThat(own.get(i).startedAt()).as("%s: run %d %s starts no earlier than fire time %d", member, i, own.get(i), i)
                    .isAfterOrEqualTo(fireTime.minus(EARLY));
            if (i > 0 && own.get(i - 1).finishedAt() != null) {
                assertThat(own.get(i).startedAt()).as("%s: %s starts after %s finished", member, own.get(i), own.get(i - 1))
                        .isAfterOrEqualTo(own.get(i - 1).finishedAt());
            }
        }
    }

    /**
     * Every member keeps its cadence: a run follows the previous one within the interval (plus lateness), except
     * across the kill. There the next run comes on time if node-1 did not hold the member's trigger, and right after
     * the recovery if it did; one firing may be lost (fired on node-1, killed before its run was recorded), so at most
     * two intervals after the previous run, or just after the recovery, whichever is later.
     */
    private static final class Cadence {
        private final Instant killed;
        private final Instant recovered;
        Duration longest = Duration.ZERO;
        Duration longestAcrossKill = Duration.ZERO;
        int catchUps;

        Cadence(Instant killed, Instant recovered) {
            this.killed = killed;
            this.recovered = recovered;
        }

        void check(String member, List<Run> own) {
            for (int i = 1; i < own.size(); i++) {
                Run previous = own.get(i - 1);
                Run next = own.get(i);
                Duration gap = Duration.between(previous.startedAt(), next.startedAt());
                if (gap.compareTo(NO_BURST) < 0) {
                    catchUps++; // a late firing (a held trigger) followed by its next, already due, one
                }
                if (previous.startedAt().isBefore(killed) && !next.startedAt().isBefore(killed)) {
                    // a held trigger's firings replayed at the release run only if at most half an interval late;
                    // otherwise the next slot after the release runs
                    Instant latest = max(previous.startedAt().plus(INTERVAL.multipliedBy(2)),
                            recovered.plus(INTERVAL)).plus(LATENESS);
                    assertThat(next.startedAt()).as("%s: first run after the kill %s (previous %s)", member, next, previous)
                            .isBeforeOrEqualTo(latest);
                    longestAcrossKill = max(longestAcrossKill, gap);
                } else {
                    assertThat(gap).as("%s: from %s to %s", member, previous, next).isLessThanOrEqualTo(INTERVAL.plus(LATENESS));
                    longest = max(longest, gap);
                }
            }
        }
    }

    /** Starts an instance of the packaged application on the shared database; the first start cleans it. */
    private static PackagedApp start(String node, boolean cleanDatabase) {
        Map<String, String> properties = new LinkedHashMap<>(PackagedApp.postgresDefaults());
        properties.put("stackratings.security.admin-key", ADMIN_KEY);
        properties.put("stackratings.security.credential-key", CREDENTIAL_KEY);
        properties.putAll(PackagedApp.localSandboxEgress());
        properties.put("stackratings.vantage", node);
        properties.put("quarkus.quartz.instance-id", node);
        if (cleanDatabase) {
            properties.putAll(PackagedApp.cleanDatabase());
        }
        return PackagedApp.start("cluster-app-" + node, properties, List.of());
    }

    private static void onboard(String slug) {
        Response onboarded = RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of(
                        "slug", slug,
                        "displayName", "Cluster " + slug,
                        "authUrl", sandbox.authUrl(CLOUD),
                        "region", "RegionOne",
                        "project", Map.of("name", "probe", "domain", "Default"),
                        "credentials", Map.of("type", "password", "username", "probe", "password", PASSWORD, "userDomain", "Default"),
                        "probes", Map.of("api", Map.of("enabled", true, "interval", INTERVAL.toString()))))
                .post(node1.url("/api/v1/members"));
        assertThat(onboarded.statusCode()).as(onboarded.asString()).isEqualTo(201);
    }

    /** A scheduled api run as stored. */
    record Run(String member, UUID id, String vantage, String status, Instant startedAt, Instant finishedAt) {
    }

    /** A member's Quartz trigger (first fire time, interval, how often it fired) and its scheduled runs, in one snapshot. */
    record Firing(long startTime, long interval, long fired, long runs) {
    }

    private static List<Run> runs() {
        return query("""
                select m.slug, r.id, r.vantage, r.status, r.started_at, r.finished_at
                from probe_run r join member m on m.id = r.member_id
                where r.probe = 'api' and r.trigger_kind = 'SCHEDULED'
                order by m.slug, r.started_at""", ClusterIT::run);
    }

    private static Run run(UUID id) {
        return query("""
                select m.slug, r.id, r.vantage, r.status, r.started_at, r.finished_at
                from probe_run r join member m on m.id = r.member_id where r.id = ?""", ClusterIT::run, id).get(0);
    }

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(6);
        return new Run(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), finished == null ? null : finished.toInstant());
    }

    private static List<Run> runsOf(List<Run> runs, String member) {
        return runs.stream().filter(r -> r.member().equals(member)).toList();
    }

    /**
     * Each member's trigger with its firing count and its number of scheduled runs, read in one statement (one
     * snapshot): a run is stored only after its firing committed, so runs never outnumber firings unless a firing ran
     * twice (or a recovery trigger re-ran a job).
     */
    private static Map<String, Firing> firings() {
        return query("""
                select t.trigger_name, t.start_time, s.repeat_interval, s.times_triggered,
                    (select count(*) from probe_run r join member m on m.id = r.member_id
                     where m.slug = t.trigger_name and r.probe = 'api' and r.trigger_kind = 'SCHEDULED')
                from qrtz_triggers t join qrtz_simple_triggers s on s.sched_name = t.sched_name
                    and s.trigger_name = t.trigger_name and s.trigger_group = t.trigger_group
                where t.trigger_group = ?""", rs -> Map.entry(rs.getString(1),
                new Firing(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))), ProbeScheduler.GROUP).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs a query on the shared database (autocommit: each statement sees what is committed when it starts). */
    private static <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
