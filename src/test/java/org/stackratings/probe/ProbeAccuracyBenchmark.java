package org.stackratings.probe;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.egress.AgencyEgress;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.RunDeadline;
import org.stackratings.openstack.http.MemberHttp;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.OpenStack4jCloudClient;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfiles;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (tag "benchmark", excluded from ./mvnw verify): how far the latency the api probe measures
 * is from the latency the sandbox injects, with 1, 10 and 100 clouds probed at once. Writes
 * target/benchmarks/probe-accuracy.md. Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
class ProbeAccuracyBenchmark {

    private static final int INJECTED_MS = 50;
    private static final int RUNS_PER_CLOUD = Integer.getInteger("benchmark.runs", 20);
    private static final int WARM_UP_RUNS = 3;

    @Test
    void measuredVersusInjectedLatency() throws Exception {
        StringBuilder report = new StringBuilder("| clouds at once | operations measured | median error (ms) | p95 error (ms) | max error (ms) | CPU time (s) | wall time (s) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (int clouds : List.of(1, 10, 100)) {
            report.append(run(clouds)).append('\n');
        }
        Path out = Path.of("target/benchmarks/probe-accuracy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Injected latency: constant " + INJECTED_MS + " ms per request; " + RUNS_PER_CLOUD
                + " api-probe runs (5 operations each) per cloud after " + WARM_UP_RUNS + " warm-up runs; " + Runtime.getRuntime().availableProcessors() + " cores.\n\n" + report);
        System.out.println(Files.readString(out));
    }

    private String run(int clouds) throws Exception {
        Vertx vertx = Vertx.vertx();
        StringBuilder yaml = new StringBuilder("clouds:\n");
        for (int i = 0; i < clouds; i++) {
            yaml.append("  - name: bench-").append(i).append("\n    users: [ { name: probe, password: pw } ]\n")
                    .append("    latency: { distribution: constant, medianMs: ").append(INJECTED_MS).append(" }\n");
        }
        SandboxServer sandbox = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.parse(yaml.toString()));
        MemberHttp http = new MemberHttp();
        ApiProbe probe = new ApiProbe(new OpenStack4jCloudClient(http, new AgencyEgress(EgressRules.allowing(List.of("127.0.0.1/32")),
                HostResolver.SYSTEM, true, Set.of())));
        List<Double> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clouds);
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < clouds; i++) {
                CloudAccount account = new CloudAccount(sandbox.authUrl("bench-" + i), "RegionOne", null, "probe", "Default",
                        false, "probe", "Default", null, "pw", Set.of(), false, List.of());
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < WARM_UP_RUNS + RUNS_PER_CLOUD; r++) {
                        ProbeProgress progress = new ProbeProgress(Clock.systemUTC());
                        CallLimits limits = new CallLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                                4 << 20, 64 << 10, RunDeadline.after(Duration.ofSeconds(45)));
                        probe.run(account, limits, progress);
                        for (OperationResult result : progress.results()) {
                            assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.OK);
                            if (r >= WARM_UP_RUNS) {
                                errors.add(result.durationMs() - INJECTED_MS);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            sandbox.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        List<Double> sorted = errors.stream().sorted().toList();
        assertThat(sorted).hasSize(clouds * RUNS_PER_CLOUD * 5);
        return String.format("| %d | %d | %.2f | %.2f | %.2f | %.1f | %.1f |", clouds, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1), cpu, wall);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
