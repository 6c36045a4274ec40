package org.stackratings.probe;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.PackagedApp;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.CloudProfiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (tag "benchmark"): PRODUCT.md §7 "one instance probes 1,000 sandbox clouds at the default API
 * cadence with schedule lateness p99 under 2 s, using under one core; measured latency within 2 ms (median) of the
 * latency the sandbox injected". The packaged application (built for PostgreSQL) runs as its own process, as in
 * production, with its default settings (api cadence 60 s, 32 probe workers); the sandbox's clouds run in this JVM,
 * so the application's CPU time is its own. After onboarding and a warm-up, it measures for a few minutes:
 * <ul>
 *   <li>lateness: the application's {@code stackratings_probe_schedule_lateness_seconds} buckets (due time to first
 *   call), the difference between the end and the start of the window;</li>
 *   <li>CPU: the application process's CPU time over the window, PostgreSQL's and this JVM's (the sandbox) beside it;</li>
 *   <li>runs: every scheduled run expected in the window was made, and how its operations ended;</li>
 *   <li>accuracy: measured duration minus the injected latency, per operation.</li>
 * </ul>
 * Writes target/benchmarks/probe-scale.md. Run: see docs/benchmarks.md. Asserts only correctness (runs made, all OK).
 */
@Tag("benchmark")
class ProbeScaleBenchmark {

    private static final int CLOUDS = Integer.getInteger("benchmark.clouds", 1000);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmupSeconds", 120));
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("benchmark.seconds", 300));
    private static final int INJECTED_MS = 30;
    /** With -Dbenchmark.hostile=true, one member of each hostile mode of the sandbox probes beside the honest ones. */
    private static final boolean HOSTILE = Boolean.getBoolean("benchmark.hostile");
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"} ([0-9.E+-]+)");
    private static final Pattern THREADS = Pattern.compile("jvm_threads_live_threads ([0-9.E+-]+)");
    private static final String ADMIN_KEY = "probe-scale-benchmark-admin-key-of-32-chars";
    private static final String CREDENTIAL_KEY = Base64.getEncoder()
            .encodeToString("probe-scale-benchmark-key-32-by!".getBytes(StandardCharsets.US_ASCII));
    private static final Pattern MISSED = Pattern.compile(
            "stackratings_probe_schedule_missed_total\\{probe=\"api\",reason=\"([a-z]+)\"} ([0-9.E+-]+)");
    private static final Pattern BUCKET = Pattern.compile(
            "stackratings_probe_schedule_lateness_seconds_bucket\\{probe=\"api\",le=\"([^\"]+)\"} ([0-9.E+-]+)");

    @Test
    void thousandCloudsAtTheDefaultCadence() throws Exception {
        StringBuilder yaml = new StringBuilder("clouds:\n");
        for (int i = 0; i < CLOUDS; i++) {
            yaml.append("  - name: ").append(cloud(i)).append("\n    users: [ { name: probe, password: pw } ]\n")
                    .append("    latency: { distribution: constant, medianMs: ").append(INJECTED_MS).append(" }\n");
        }
        Vertx vertx = Vertx.vertx();
        Map<String, String> settings = PackagedApp.freshWithLocalSandbox(ADMIN_KEY, CREDENTIAL_KEY);
        settings.putAll(HostileMemberSet.egressSettings());
        try (SandboxServer sandbox = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.parse(yaml.toString()));
             Canary canary = new Canary();
             PackagedApp app = PackagedApp.start("probe-scale-app", settings, List.of())) {
            Instant onboardStart = Instant.now();
            onboard(app, sandbox);
            if (HOSTILE) {
                HostileMemberSet.onboard(app.url(""), ADMIN_KEY, sandbox, canary,
                        Map.of("lifecycle", Map.of("enabled", false), "compliance", Map.of("enabled", false)));
            }
            Duration onboarding = Duration.between(onboardStart, Instant.now());
            Thread.sleep(WARM_UP.toMillis());

            Map<String, Double> bucketsBefore = lateness(app);
            Cpu before = Cpu.now(app);
            Instant from = Instant.now();
            Jvm jvm = Jvm.sample(app, from.plus(WINDOW));
            Instant to = Instant.now();
            Cpu after = Cpu.now(app);
            Map<String, Double> bucketsAfter = lateness(app);

            String report = report(app, onboarding, from, to, before, after, bucketsBefore, bucketsAfter)
                    + String.format("%nApplication JVM over the window (sampled every 5 s): heap used peak %d MiB, live threads peak %d%s.%n",
                    jvm.heapPeakMiB(), jvm.threadsPeak(), HOSTILE ? "; requests that reached the canary: " + canary.requests() : "")
                    + (HOSTILE ? hostileRuns(from, to) : "");
            assertThat(canary.requests()).as("requests of the agency that reached the canary").isZero();
            Path out = Path.of("target/benchmarks/probe-scale" + (HOSTILE ? "-hostile" : "") + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static String cloud(int i) {
        return "scale-%04d".formatted(i);
    }

    /** Onboards every cloud as a member with only the api probe, at the default cadence, from 8 threads. */
    private static void onboard(PackagedApp app, SandboxServer sandbox) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CLOUDS; i++) {
                String slug = cloud(i);
                answers.add(pool.submit(() -> RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY)
                        .contentType(ContentType.JSON)
                        .body(Map.of("slug", slug, "displayName", slug, "authUrl", sandbox.authUrl(slug), "region", "RegionOne",
                                "project", Map.of("name", "probe", "domain", "Default"),
                                "credentials", Map.of("type", "password", "username", "probe", "password", "pw", "userDomain", "Default"),
                                "probes", Map.of("lifecycle", Map.of("enabled", false), "compliance", Map.of("enabled", false))))
                        .post(app.url("/api/v1/members")).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How the hostile members' runs in the window ended, by member and outcome. */
    private static String hostileRuns(Instant from, Instant to) throws Exception {
        StringBuilder table = new StringBuilder("\nHostile members' runs in the window:\n\n| member | runs | operations OK | not OK | longest run (s) |\n| --- | --- | --- | --- | --- |\n");
        Map<String, String> db = PackagedApp.postgresDefaults();
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
             PreparedStatement s = c.prepareStatement("select m.slug, count(distinct r.id),"
                     + " count(*) filter (where x.outcome = 'OK'), count(*) filter (where x.outcome <> 'OK'),"
                     + " max(extract(epoch from (r.finished_at - r.started_at)))"
                     + " from probe_run r join member m on m.id = r.member_id left join measurement x on x.run_id = r.id"
                     + " where m.slug like 'hostile-%' and r.started_at >= ? and r.started_at < ? group by m.slug order by m.slug")) {
            window(s, from, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    table.append(String.format("| %s | %d | %d | %d | %.1f |%n", rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getDouble(5)));
                }
            }
        }
        return table.toString();
    }

    /** Peaks of the application JVM's heap use and live threads, sampled from its metrics until {@code until}. */
    private record Jvm(long heapPeakMiB, long threadsPeak) {
        static Jvm sample(PackagedApp app, Instant until) throws InterruptedException {
            double heap = 0;
            double threads = 0;
            while (Instant.now().isBefore(until)) {
                String metrics = RestAssured.given().get(app.managementUrl("/q/metrics")).asString();
                double used = 0;
                Matcher m = HEAP.matcher(metrics);
                while (m.find()) {
                    used += Double.parseDouble(m.group(1));
                }
                heap = Math.max(heap, used);
                Matcher t = THREADS.matcher(metrics);
                if (t.find()) {
                    threads = Math.max(threads, Double.parseDouble(t.group(1)));
                }
                Thread.sleep(5_000);
            }
            return new Jvm((long) (heap / (1024 * 1024)), (long) threads);
        }
    }

    /** Cumulative counts of the api probe's lateness buckets, by upper bound ("+Inf" is the count). */
    private static Map<String, Double> lateness(PackagedApp app) {
        Response metrics = RestAssured.given().get(app.managementUrl("/q/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        Map<String, Double> buckets = new LinkedHashMap<>();
        Matcher m = BUCKET.matcher(metrics.asString());
        while (m.find()) {
            buckets.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        assertThat(buckets).as("lateness buckets in /q/metrics").containsKeys("2.0", "+Inf");
        Matcher missed = MISSED.matcher(metrics.asString());
        while (missed.find()) {
            buckets.put("missed:" + missed.group(1), Double.parseDouble(missed.group(2)));
        }
        return buckets;
    }

    private static String report(PackagedApp app, Duration onboarding, Instant from, Instant to, Cpu before, Cpu after,
                                 Map<String, Double> bucketsBefore, Map<String, Double> bucketsAfter) throws Exception {
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        double runsInWindow = bucketsAfter.get("+Inf") - bucketsBefore.get("+Inf");
        StringBuilder lateness = new StringBuilder("| at most | runs | share |\n| --- | --- | --- |\n");
        for (String bound : bucketsAfter.keySet()) {
            if (bound.startsWith("missed:")) {
                continue;
            }
            double n = bucketsAfter.get(bound) - bucketsBefore.getOrDefault(bound, 0.0);
            lateness.append("| ").append(bound.equals("+Inf") ? "any" : bound + " s").append(" | ")
                    .append(String.format("%.0f", n)).append(" | ").append(String.format("%.2f %%", 100 * n / runsInWindow)).append(" |\n");
        }
        double withinTwo = (bucketsAfter.get("2.0") - bucketsBefore.get("2.0")) / runsInWindow;
        double missedLate = bucketsAfter.getOrDefault("missed:late", 0.0) - bucketsBefore.getOrDefault("missed:late", 0.0);
        double missedOverloaded = bucketsAfter.getOrDefault("missed:overloaded", 0.0)
                - bucketsBefore.getOrDefault("missed:overloaded", 0.0);

        Map<String, long[]> outcomes = new TreeMap<>();
        Map<String, double[]> accuracy = new TreeMap<>();
        long runs;
        long membersWithRuns;
        Map<String, String> db = PackagedApp.postgresDefaults();
        try (Connection c = DriverManager.getConnection(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"))) {
            try (PreparedStatement s = c.prepareStatement("select count(*), count(distinct member_id) from probe_run"
                    + " where probe = 'api' and trigger_kind = 'SCHEDULED' and started_at >= ? and started_at < ?"
                    + " and member_id in (select id from member where slug like 'scale-%')")) {
                window(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    runs = rs.getLong(1);
                    membersWithRuns = rs.getLong(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select operation, outcome, count(*) from measurement"
                    + " where probe = 'api' and started_at >= ? and started_at < ?"
                    + " and member_id in (select id from member where slug like 'scale-%') group by operation, outcome")) {
                window(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long[] counts = outcomes.computeIfAbsent(rs.getString(1), k -> new long[2]);
                        counts["OK".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select coalesce(operation, 'all operations'),"
                    + " percentile_cont(0.5) within group (order by duration_ms),"
                    + " percentile_cont(0.95) within group (order by duration_ms) from measurement"
                    + " where probe = 'api' and outcome = 'OK' and started_at >= ? and started_at < ?"
                    + " and member_id in (select id from member where slug like 'scale-%')"
                    + " group by grouping sets ((operation), ())")) {
                window(s, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        accuracy.put(rs.getString(1), new double[]{rs.getDouble(2) - INJECTED_MS, rs.getDouble(3) - INJECTED_MS});
                    }
                }
            }
        }
        StringBuilder ops = new StringBuilder("| operation | OK | not OK | median error (ms) | p95 error (ms) |\n| --- | --- | --- | --- | --- |\n");
        long notOk = 0;
        for (Map.Entry<String, long[]> e : outcomes.entrySet()) {
            double[] err = accuracy.getOrDefault(e.getKey(), new double[]{Double.NaN, Double.NaN});
            notOk += e.getValue()[1];
            ops.append(String.format("| %s | %d | %d | %.2f | %.2f |%n", e.getKey(), e.getValue()[0], e.getValue()[1], err[0], err[1]));
        }
        double[] all = accuracy.getOrDefault("all operations", new double[]{Double.NaN, Double.NaN});
        ops.append(String.format("| all operations | | | %.2f | %.2f |%n", all[0], all[1]));
        double expectedRuns = CLOUDS * seconds / 60.0;
        String text = String.format("""
                %d sandbox clouds (constant %d ms injected per request)%s, api probe at the default cadence (60 s),
                packaged application on PostgreSQL with default settings, %d cores. Onboarding took %.1f s;
                warm-up %d s; window %.0f s.

                Scheduled api runs started in the window: %d (expected %.0f at 60 s each), by %d members;
                lateness observations in the window: %.0f. Share at most 2 s late: %.3f %%. Firings that made no run:
                %.0f skipped as more than half an interval late, %.0f for want of a free probe worker.

                %s
                CPU over the window (cores = CPU seconds / wall seconds):

                | process | CPU (s) | cores | RSS (MiB) |
                | --- | --- | --- | --- |
                | application | %.1f | %.3f | %d |
                | PostgreSQL (all its processes) | %.1f | %.3f | |
                | sandbox (benchmark JVM) | %.1f | %.3f | |

                Operations in the window:

                %s
                """, CLOUDS, INJECTED_MS, HOSTILE ? " and " + HostileMode.values().length + " hostile members, one per mode (their runs are not counted below)" : "", Runtime.getRuntime().availableProcessors(), onboarding.toMillis() / 1000.0,
                WARM_UP.toSeconds(), seconds, runs, expectedRuns, membersWithRuns, runsInWindow, 100 * withinTwo, missedLate,
                missedOverloaded, lateness,
                after.app - before.app, (after.app - before.app) / seconds, after.appRssMiB,
                after.postgres - before.postgres, (after.postgres - before.postgres) / seconds,
                after.self - before.self, (after.self - before.self) / seconds, ops);
        assertThat(membersWithRuns).as("members probed in the window").isEqualTo(CLOUDS);
        assertThat(runs).as("scheduled runs in the window").isGreaterThanOrEqualTo((long) (expectedRuns * 0.95));
        assertThat(notOk).as("operations not OK (the sandbox injects no faults)").isZero();
        return text;
    }

    private static void window(PreparedStatement s, Instant from, Instant to) throws Exception {
        s.setTimestamp(1, Timestamp.from(from));
        s.setTimestamp(2, Timestamp.from(to));
    }

    /** CPU seconds used so far by the application, PostgreSQL's processes and this JVM; the application's RSS. */
    private record Cpu(double app, double postgres, double self, long appRssMiB) {
        static Cpu now(PackagedApp app) throws Exception {
            double postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
            double self = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
            long rssKiB = Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
            return new Cpu(app.cpuTime().toNanos() / 1e9, postgres, self, rssKiB / 1024);
        }
    }
}
