package org.stackratings.measurement;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.rating.RatingEngine;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (tag "benchmark"), PostgreSQL only (the data generation uses PostgreSQL SQL):
 * <ol>
 *   <li>re-rating: 1,000 members with 30 days of hourly rollups (5 api + 3 lifecycle operations) and api probe runs
 *   every 15 min, generated in the database, and the daily and run rollups built from them by the product's own
 *   code (migration V10's {@link RollupRebuild}); then {@link RatingEngine#rateAll()} is timed (twice: cold and
 *   warm);</li>
 *   <li>ingest: N threads (default 32, the product's probe workers) store runs of 5 measurements through
 *   {@link MeasurementStore} for 200 members: startRun and finishRun each return once committed (group commit,
 *   {@link RunWriter}); every measurement must end up in {@code measurement} and in the hourly and daily rollups.</li>
 * </ol>
 * Writes target/benchmarks/rollups.md.
 */
@QuarkusTest
@Tag("benchmark")
class RollupBenchmark {

    private static final int MEMBERS = Integer.getInteger("benchmark.members", 1000);
    private static final int DAYS = Integer.getInteger("benchmark.days", 30);
    private static final int API_INTERVAL_S = Integer.getInteger("benchmark.apiInterval", 900);
    /** Threads storing runs at once: the product's default number of probe workers (stackratings.probe.workers). */
    private static final int THREADS = Integer.getInteger("benchmark.threads", 32);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 40_000);
    private static final int INGEST_MEMBERS = 200;
    /**
     * Reuse the data of an earlier run (with -Dquarkus.flyway.clean-at-start=false): skip generating it when the
     * database already holds it. For iterating on one part; reported numbers come from fresh runs.
     */
    private static final boolean REUSE = Boolean.getBoolean("benchmark.reuse");
    private static final List<String> API_OPS = List.of("identity.token.issue", "compute.flavors.list",
            "image.images.list", "network.networks.list", "volume.volumes.list");
    private static final List<String> LIFECYCLE_OPS = List.of("compute.server.create", "compute.server.active",
            "compute.server.delete");

    @Inject
    DataSource dataSource;
    @Inject
    RatingEngine engine;
    @Inject
    MeasurementStore store;

    @Test
    void rerateFromRollupsThenIngest() throws Exception {
        StringBuilder report = new StringBuilder("# Rollup benchmarks\n\n");
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            report.append("PostgreSQL ").append(c.getMetaData().getDatabaseProductVersion()).append(", ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
        }

        // --- re-rating 1,000 members from 30 days of hourly rollups ---
        long t0 = System.nanoTime();
        boolean reused = REUSE && count("select count(*) from member where slug like 'bench-%'") == MEMBERS;
        long rollupRows = reused ? count("select count(*) from measurement_rollup") : generate();
        double generateS = (System.nanoTime() - t0) / 1e9;
        long c0 = System.nanoTime();
        int rated = engine.rateAll();
        double coldS = (System.nanoTime() - c0) / 1e9;
        long w0 = System.nanoTime();
        int ratedAgain = engine.rateAll();
        double warmS = (System.nanoTime() - w0) / 1e9;
        long allMembers = count("select count(*) from member"); // MEMBERS, and the ingest members of a reused run
        assertThat(rated).isEqualTo(allMembers);
        assertThat(ratedAgain).isEqualTo(allMembers);
        String notches = query("select notch || ' ' || count(*) from rating group by notch order by 1");
        report.append("## Re-rating from rollups\n\n")
                .append("| members | days | rollup rows (hourly + daily) | api runs | generate (s) | rateAll cold (s) | rateAll warm (s) | ms per member (warm) | notches |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
                .append("| %d | %d | %s | %s | %.1f | %.2f | %.2f | %.2f | %s |\n\n".formatted(MEMBERS, DAYS,
                        rollupRows + " + " + count("select count(*) from measurement_rollup_day"),
                        query("select count(*) from probe_run"), generateS, coldS, warmS, warmS * 1000 / MEMBERS, notches));

        // --- ingest through the store ---
        List<Long> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (count("select count(*) from member where slug like 'ingest-%'") == 0) {
                s.execute(memberInsert("ingest-", INGEST_MEMBERS));
            }
            try (ResultSet rs = s.executeQuery("select id from member where slug like 'ingest-%' order by id")) {
                while (rs.next()) {
                    members.add(rs.getLong(1));
                }
            }
        }
        long foldedBefore = folded("measurement_rollup");
        long foldedDaysBefore = folded("measurement_rollup_day");
        ingest(members, 2_000); // warm-up
        long before = count("select count(*) from measurement");
        long i0 = System.nanoTime();
        ingest(members, RUNS);
        double ingestS = (System.nanoTime() - i0) / 1e9;
        long stored = count("select count(*) from measurement") - before;
        assertThat(stored).isEqualTo(RUNS * 5L);
        // every measurement stored is in the hourly and the daily rollups
        assertThat(folded("measurement_rollup") - foldedBefore).isEqualTo((RUNS + 2_000) * 5L);
        assertThat(folded("measurement_rollup_day") - foldedDaysBefore).isEqualTo((RUNS + 2_000) * 5L);
        report.append("## Ingest through MeasurementStore (startRun + finishRun, 5 measurements per run)\n\n")
                .append("| threads | members | runs | measurements | seconds | measurements/s | runs/s |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n")
                .append("| %d | %d | %d | %d | %.2f | %.0f | %.0f |\n".formatted(THREADS, INGEST_MEMBERS, RUNS, stored,
                        ingestS, stored / ingestS, RUNS / ingestS));
        Path out = Path.of("target/benchmarks/rollups.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void ingest(List<Long> members, int runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong next = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    Random random = new Random();
                    long i;
                    while ((i = next.getAndIncrement()) < runs) {
                        long member = members.get((int) (i % members.size()));
                        UUID run = store.startRun(member, "api", RunTrigger.SCHEDULED);
                        Instant now = Instant.now();
                        List<OperationResult> results = new ArrayList<>(5);
                        for (String op : API_OPS) {
                            double ms = 20 + Math.exp(3 + random.nextGaussian() * 0.5);
                            results.add(random.nextInt(100) == 0
                                    ? new OperationResult(op, now, ms, Outcome.ERROR, 500, "HTTP 500", "server error")
                                    : OperationResult.ok(op, now, ms, 200));
                        }
                        store.finishRun(run, "bench", RunStatus.COMPLETED, "5 operations", results);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Members, api runs every API_INTERVAL_S, and hourly rollups of 8 operations, generated in PostgreSQL. */
    private long generate() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(memberInsert("bench-", MEMBERS));
            s.execute("create temporary table bench_sketch (probe varchar(32), operation varchar(128), variant int, latency bytea)");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_sketch values (?, ?, ?, ?)")) {
                Random random = new Random(1);
                for (String probe : List.of("api", "lifecycle")) {
                    for (String op : probe.equals("api") ? API_OPS : LIFECYCLE_OPS) {
                        for (int v = 0; v < 16; v++) {
                            LatencySketch sketch = new LatencySketch();
                            double base = probe.equals("api") ? 20 + v * 10 : 30_000 + v * 2_000;
                            for (int n = 0; n < 4; n++) {
                                sketch.record(base * Math.exp(random.nextGaussian() * 0.3));
                            }
                            ps.setString(1, probe);
                            ps.setString(2, op);
                            ps.setInt(3, v);
                            ps.setBytes(4, sketch.encode());
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            String hours = "generate_series(date_trunc('hour', now()) - interval '" + DAYS + " days',"
                    + " date_trunc('hour', now()), interval '1 hour')";
            s.execute("insert into measurement_rollup (member_id, vantage, probe, operation, hour_start, ok_count,"
                    + " error_count, timeout_count, inconclusive_count, latency, sum_ms, min_ms, max_ms)"
                    + " select m.id, 'local', k.probe, k.operation, h, 4 - e, e, 0, 0, k.latency, 400, 50, 150"
                    + " from member m cross join " + hours + " h"
                    + " cross join lateral (select case when (m.id * 31 + extract(epoch from h)::bigint / 3600) % 97 = 0"
                    + " then 1 else 0 end e) r"
                    + " join bench_sketch k on k.variant = (m.id % 4) * 4 + (extract(hour from h)::int % 4)"
                    + " where m.slug like 'bench-%'");
            s.execute("insert into probe_run (id, member_id, probe, vantage, trigger_kind, started_at, finished_at, status, summary)"
                    + " select gen_random_uuid(), m.id, 'api', 'local', 'SCHEDULED', t, t + interval '2 seconds', 'COMPLETED', 'bench'"
                    + " from member m cross join generate_series(now() - interval '" + DAYS + " days', now(),"
                    + " interval '" + API_INTERVAL_S + " seconds') t where m.slug like 'bench-%'");
        }
        // daily rows: the product's own rebuild (migration V10), i.e. the sum of each day's hourly rows
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            RollupRebuild.rebuild(c);
            c.commit();
            c.setAutoCommit(true);
            s.execute("analyze");
        }
        return count("select count(*) from measurement_rollup");
    }

    private static String memberInsert(String prefix, int n) {
        return "insert into member (slug, display_name, auth_url, region, credential_type, secret_ciphertext,"
                + " api_probe_enabled, api_probe_interval_seconds, status, created_at, updated_at)"
                + " select '" + prefix + "' || lpad(g::text, 5, '0'), 'Bench ' || g, 'https://bench.invalid/v3', 'RegionOne',"
                + " 'PASSWORD', 'not-a-secret', false, " + API_INTERVAL_S + ", 'ACTIVE', now() - interval '40 days',"
                + " now() - interval '40 days' from generate_series(1, " + n + ") g";
    }

    private long folded(String table) throws Exception {
        return count("select coalesce(sum(ok_count + error_count + timeout_count + inconclusive_count), 0) from " + table
                + " where member_id in (select id from member where slug like 'ingest-%')");
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(query(sql));
    }

    private String query(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return String.join(", ", values);
        }
    }
}
