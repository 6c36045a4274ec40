package org.stackratings.measurement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.stackratings.rating.RatingEngine;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
class MeasurementRollupsTest {

    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));

    @Inject
    MeasurementStore store;
    @Inject
    WindowStatisticsQuery statistics;
    @Inject
    RawRetention retention;
    @Inject
    RatingEngine engine;
    @Inject
    EntityManager em;
    @Inject
    MeasurementRollups rollups;

    @Test
    void rollupCountsAndPercentilesMatchTheRawMeasurements() {
        long member = member();
        Random random = new Random(42);
        List<String> operations = List.of("compute.flavors.list", "image.images.list");
        for (int run = 0; run < 6; run++) {
            List<OperationResult> results = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Instant at = HOUR.plusSeconds(random.nextInt(3 * 3600));
                Outcome outcome = random.nextDouble() < 0.9 ? Outcome.OK
                        : Outcome.values()[1 + random.nextInt(3)];
                double ms = Math.exp(3 + random.nextGaussian()) + random.nextDouble();
                results.add(new OperationResult(operations.get(random.nextInt(2)), at, ms, outcome, 200, null, null));
            }
            finish(member, results);
        }

        WindowStatistics stats = statistics.forWindow(member, "api", HOUR, HOUR.plus(Duration.ofHours(3)));
        assertThat(stats.operations().keySet()).containsExactlyElementsOf(operations);
        for (String op : operations) {
            WindowStatistics.OperationStatistics s = stats.operations().get(op);
            assertThat(s.ok()).isEqualTo(rawCount(member, op, "OK"));
            assertThat(s.error()).isEqualTo(rawCount(member, op, "ERROR"));
            assertThat(s.timeout()).isEqualTo(rawCount(member, op, "TIMEOUT"));
            assertThat(s.inconclusive()).isEqualTo(rawCount(member, op, "INCONCLUSIVE"));
            List<Double> durations = okDurations(member, op);
            assertPercentile(s.p50(), durations, 50);
            assertPercentile(s.p95(), durations, 95);
            assertPercentile(s.p99(), durations, 99);
        }
        // three rows per operation (one per hour), not one per run
        assertThat(rollupRows(member)).isEqualTo(6);
    }

    @Test
    void lateAndRepeatedMeasurementsAddUp() {
        long member = member();
        Instant h = HOUR.plus(Duration.ofHours(2));
        finish(member, List.of(ok("identity.token.issue", h.plusSeconds(10), 10), ok("identity.token.issue", h.plusSeconds(70), 30)));
        finish(member, List.of(ok("identity.token.issue", h.plusSeconds(130), 20),
                new OperationResult("identity.token.issue", h.plusSeconds(190), 5000, Outcome.TIMEOUT, null, null, "slow")));
        // a late run: stored now, measured two hours earlier
        finish(member, List.of(ok("identity.token.issue", h.minus(Duration.ofHours(2)).plusSeconds(5), 40)));

        var current = statistics.forWindow(member, "api", h, h.plus(Duration.ofHours(1))).operations().get("identity.token.issue");
        assertThat(current.ok()).isEqualTo(3);
        assertThat(current.timeout()).isEqualTo(1);
        assertThat(current.p50()).isCloseTo(20, within(0.2));
        var all = statistics.forWindow(member, "api", h.minus(Duration.ofHours(2)), h.plus(Duration.ofHours(1)))
                .operations().get("identity.token.issue");
        assertThat(all.ok()).isEqualTo(4);
        assertThat(all.p99()).isCloseTo(40, within(0.4));
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select ok_count, timeout_count, sum_ms, min_ms, max_ms from measurement_rollup where member_id = ?1 and hour_start = ?2")
                .setParameter(1, member).setParameter(2, Timestamp.from(h)).getSingleResult());
        assertThat(((Number) row[0]).longValue()).isEqualTo(3);
        assertThat(((Number) row[1]).longValue()).isEqualTo(1);
        assertThat(((Number) row[2]).doubleValue()).isEqualTo(60.0);
        assertThat(((Number) row[3]).doubleValue()).isEqualTo(10.0);
        assertThat(((Number) row[4]).doubleValue()).isEqualTo(30.0);
    }

    @Test
    void concurrentRunsOfOneMemberAndHourLoseNothing() throws Exception {
        long member = member();
        Instant h = HOUR.plus(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                done.add(pool.submit(() -> finish(member, List.of(ok("network.networks.list", h.plusSeconds(1), 12),
                        ok("compute.flavors.list", h.plusSeconds(2), 14)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        var ops = statistics.forWindow(member, "api", h, h.plus(Duration.ofHours(1))).operations();
        assertThat(ops.get("network.networks.list").ok()).isEqualTo(40);
        assertThat(ops.get("compute.flavors.list").ok()).isEqualTo(40);
    }

    @Test
    void retentionDeletesOldRawMeasurementsKeepsRollupsAndRatingsStillCompute() {
        long member = member();
        Instant old = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        Instant recent = Instant.now().minus(Duration.ofHours(2));
        finish(member, List.of(ok("compute.flavors.list", old.plusSeconds(60), 50),
                new OperationResult("compute.flavors.list", old.plusSeconds(120), 1, Outcome.ERROR, 500, "HTTP 500", null)));
        finish(member, List.of(ok("compute.flavors.list", recent, 25)));
        assertThat(rawCount(member, "compute.flavors.list", "OK")).isEqualTo(2);

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);

        assertThat(rawCount(member, "compute.flavors.list", "OK")).isEqualTo(1);
        assertThat(rawCount(member, "compute.flavors.list", "ERROR")).isZero();
        var op = statistics.forWindow(member, "api", old, Instant.now()).operations().get("compute.flavors.list");
        assertThat(op.ok()).isEqualTo(2);
        assertThat(op.error()).isEqualTo(1);
        assertThat(op.p99()).isCloseTo(50, within(0.5));

        assertThat(engine.rateAll()).isPositive();
        String notch = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select notch from rating where member_id = ?1").setParameter(1, member).getSingleResult());
        assertThat(notch).isNotBlank();
    }

    @Test
    void windowsOfSeveralDaysReadDailyRowsAndPartialDaysFromHours() {
        long member = member();
        Random random = new Random(99);
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(4)).plus(Duration.ofHours(7));
        List<OperationResult> results = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Instant at = start.plusSeconds(random.nextInt(3 * 86_400 + 10 * 3600));
            Outcome outcome = random.nextDouble() < 0.95 ? Outcome.OK : Outcome.ERROR;
            results.add(new OperationResult("compute.flavors.list", at, 5 + Math.exp(2 + random.nextGaussian()), outcome,
                    200, null, null));
        }
        finish(member, results);

        // from 13:20 on day 1 to 05:40 on day 4: two whole days, the rest of day 1 and the start of day 4 in hours
        Instant from = start.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(20));
        Instant to = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3)).plus(Duration.ofHours(5)).plus(Duration.ofMinutes(40));
        var op = statistics.forWindow(member, "api", from, to).operations().get("compute.flavors.list");
        // the hours that start in [from rounded down to the hour, to): 13:00 on day 1 to 06:00 on day 4
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
        List<OperationResult> inWindow = results.stream().filter(r -> !r.startedAt().isBefore(firstHour)
                && r.startedAt().truncatedTo(ChronoUnit.HOURS).isBefore(to)).toList();
        assertThat(op.ok()).isEqualTo(inWindow.stream().filter(r -> r.outcome() == Outcome.OK).count());
        assertThat(op.error()).isEqualTo(inWindow.stream().filter(r -> r.outcome() == Outcome.ERROR).count());
        List<Double> durations = inWindow.stream().filter(r -> r.outcome() == Outcome.OK)
                .map(OperationResult::durationMs).sorted().toList();
        assertPercentile(op.p50(), durations, 50);
        assertPercentile(op.p99(), durations, 99);
        // every day row is the sum of its hours
        assertThat(dayTotals(member, "day_start", "measurement_rollup_day"))
                .isEqualTo(dayTotals(member, "hour_start", "measurement_rollup"));
        assertThat(dayTotals(member, "day_start", "measurement_rollup_day")).hasSize(4);
    }

    @Test
    void dailyRowsRebuiltFromHoursEqualTheFoldedOnes() throws Exception {
        long member = member();
        Random random = new Random(5);
        Instant start = Instant.now().minus(Duration.ofDays(3));
        for (int run = 0; run < 3; run++) {
            List<OperationResult> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(new OperationResult(random.nextBoolean() ? "image.images.list" : "network.networks.list",
                        start.plusSeconds(random.nextInt(3 * 86_400)), 1 + random.nextInt(500),
                        random.nextInt(20) == 0 ? Outcome.TIMEOUT : Outcome.OK, 200, null, null));
            }
            finish(member, results);
        }
        List<List<Object>> folded = dayRows(member);
        List<List<Object>> foldedRuns = runRows(member);
        assertThat(folded).hasSizeGreaterThanOrEqualTo(6);
        assertThat(foldedRuns).hasSize(2); // three runs started now: one hour, one day
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("measurement_rollup_day", "probe_run_rollup", "probe_run_rollup_day")) {
                em.createNativeQuery("delete from " + table + " where member_id = ?1").setParameter(1, member).executeUpdate();
            }
        });
        long written = QuarkusTransaction.requiringNew().call(() -> em.unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> RollupRebuild.rebuild(connection, member)));
        assertThat(written).isEqualTo(folded.size() + foldedRuns.size());
        assertThat(dayRows(member)).isEqualTo(folded);
        assertThat(runRows(member)).isEqualTo(foldedRuns);
    }

    @Test
    void completedRunsOfAnyWindowAreExactFromRunRollupsAndPartialHours() {
        long member = member();
        Random random = new Random(21);
        Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(4));
        List<Instant> completed = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 400; i++) {
                Instant started = base.plusSeconds(random.nextInt(3 * 86_400)).plusMillis(random.nextInt(1000));
                RunStatus status = random.nextInt(5) == 0 ? RunStatus.INCONCLUSIVE : RunStatus.COMPLETED;
                em.createNativeQuery("insert into probe_run (id, member_id, probe, vantage, trigger_kind, started_at,"
                                + " finished_at, status, summary) values (?1, ?2, 'api', 'local', 'SCHEDULED', ?3, ?3, ?4, 'test')")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, member).setParameter(3, Timestamp.from(started))
                        .setParameter(4, status.name()).executeUpdate();
                rollups.fold(member, "local", "api", started, status,
                        List.of(ok("identity.token.issue", started, 10 + random.nextInt(50))));
                if (status == RunStatus.COMPLETED) {
                    completed.add(started);
                }
            }
        });
        List<Instant[]> windows = new ArrayList<>(List.of(
                new Instant[]{base, base.plus(Duration.ofDays(3))},
                new Instant[]{base.plus(Duration.ofMinutes(17)), base.plus(Duration.ofMinutes(43))},
                new Instant[]{base.plus(Duration.ofHours(5)), base.plus(Duration.ofHours(6))},
                new Instant[]{base.plusSeconds(3_599), base.plus(Duration.ofDays(2)).plusSeconds(1)}));
        for (int i = 0; i < 20; i++) {
            Instant from = base.plusSeconds(random.nextInt(2 * 86_400));
            windows.add(new Instant[]{from, from.plusSeconds(random.nextInt(2 * 86_400))});
        }
        for (Instant[] w : windows) {
            long exact = completed.stream().filter(t -> !t.isBefore(w[0]) && t.isBefore(w[1])).count();
            assertThat(statistics.forWindow(member, "api", w[0], w[1]).measuredRuns())
                    .as("completed runs in [%s, %s)", w[0], w[1]).isEqualTo(exact);
        }
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> runRows(long member) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select 'h', hour_start,"
                        + " completed_runs from probe_run_rollup where member_id = ?1 union all select 'd', day_start,"
                        + " completed_runs from probe_run_rollup_day where member_id = ?1 order by 1, 2")
                .setParameter(1, member).getResultList());
        return rows.stream().map(r -> List.<Object>of(r[0], instant(r[1]), ((Number) r[2]).longValue())).toList();
    }

    /** Per day: the sums of the counts and of the durations, and the merged sketch's count and p95. */
    @SuppressWarnings("unchecked")
    private Map<Instant, List<Object>> dayTotals(long member, String column, String table) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select " + column
                        + ", ok_count, error_count, sum_ms, latency from " + table + " where member_id = ?1")
                .setParameter(1, member).getResultList());
        Map<Instant, long[]> counts = new java.util.TreeMap<>();
        Map<Instant, LatencySketch> sketches = new HashMap<>();
        Map<Instant, Double> sums = new HashMap<>();
        for (Object[] row : rows) {
            Instant day = instant(row[0]).truncatedTo(ChronoUnit.DAYS);
            long[] c = counts.computeIfAbsent(day, d -> new long[2]);
            c[0] += ((Number) row[1]).longValue();
            c[1] += ((Number) row[2]).longValue();
            sums.merge(day, ((Number) row[3]).doubleValue(), Double::sum);
            sketches.computeIfAbsent(day, d -> new LatencySketch()).add((byte[]) row[4]);
        }
        Map<Instant, List<Object>> totals = new java.util.TreeMap<>();
        counts.forEach((day, c) -> totals.put(day, List.of(c[0], c[1], Math.round(sums.get(day) * 1000),
                sketches.get(day).count(), String.valueOf(sketches.get(day).percentile(95)))));
        return totals;
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> dayRows(long member) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select operation, day_start,"
                        + " ok_count, error_count, timeout_count, inconclusive_count, sum_ms, min_ms, max_ms, latency"
                        + " from measurement_rollup_day where member_id = ?1 order by operation, day_start")
                .setParameter(1, member).getResultList());
        return rows.stream().map(r -> {
            LatencySketch sketch = LatencySketch.decode((byte[]) r[9]);
            return List.<Object>of(r[0], instant(r[1]), r[2], r[3], r[4], r[5], Math.round(((Number) r[6]).doubleValue() * 1000),
                    String.valueOf(r[7]), String.valueOf(r[8]), sketch.count(), String.valueOf(sketch.percentile(50)),
                    String.valueOf(sketch.percentile(99)));
        }).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    private static OperationResult ok(String operation, Instant at, double ms) {
        return OperationResult.ok(operation, at, ms, 200);
    }

    private void finish(long member, List<OperationResult> results) {
        UUID run = store.startRun(member, "api", RunTrigger.MANUAL);
        store.finishRun(run, "m", RunStatus.COMPLETED, "test", results);
    }

    private long member() {
        String slug = uniqueSlug("rollup");
        admin().body(memberBody(slug, "http://127.0.0.1:9/v3", "pw", false)).post("/api/v1/members").then().statusCode(201);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where slug = ?1").setParameter(1, slug).getSingleResult()).longValue());
    }

    private long rawCount(long member, String operation, String outcome) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from measurement where member_id = ?1 and operation = ?2 and outcome = ?3")
                .setParameter(1, member).setParameter(2, operation).setParameter(3, outcome).getSingleResult()).longValue());
    }

    private long rollupRows(long member) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from measurement_rollup where member_id = ?1").setParameter(1, member).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Double> okDurations(long member, String operation) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select duration_ms from measurement where member_id = ?1 and operation = ?2 and outcome = 'OK' order by duration_ms")
                .setParameter(1, member).setParameter(2, operation).getResultList()).stream().map(Number::doubleValue).toList());
    }

    /** The sketch's percentile is within its precision (1 % of the value, at least 0.01 ms) of the exact one. */
    private static void assertPercentile(Double fromRollup, List<Double> sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        double exact = sorted.get(Math.max(0, rank - 1));
        assertThat(fromRollup).as("p%s", percentile).isCloseTo(exact, within(exact * 0.01 + 0.01));
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> none() {
        return new HashMap<>();
    }
}
