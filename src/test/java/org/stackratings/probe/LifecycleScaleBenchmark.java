package org.stackratings.probe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.measurement.ProbeRun;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.sandbox.SandboxTestResource;
import org.stackratings.sandbox.profile.CloudProfiles;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;

/**
 * Benchmark, not a test (tag "benchmark"): one instance runs the lifecycle probe against 200 sandbox clouds at once
 * (boot 5 s, delete 2 s). Reports wall time, CPU time and peak threads to target/benchmarks/lifecycle-scale.md.
 */
@QuarkusTest
@Tag("benchmark")
@io.quarkus.test.junit.TestProfile(LifecycleScaleBenchmark.ProductionLifecycleSettings.class)
@WithTestResource(SandboxTestResource.class)
class LifecycleScaleBenchmark {

    /** The shipped lifecycle settings (deadlines, polling, threads) instead of the test profile's short ones. */
    public static class ProductionLifecycleSettings implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of(
                    "stackratings.probe.read-timeout", "PT10S",
                    "stackratings.probe.connect-timeout", "PT5S",
                    "stackratings.probe.lifecycle.active-deadline", "PT5M",
                    "stackratings.probe.lifecycle.delete-deadline", "PT3M",
                    "stackratings.probe.lifecycle.poll-initial", "PT1S",
                    "stackratings.probe.lifecycle.poll-max", "PT10S");
        }
    }

    private static final int CLOUDS = Integer.getInteger("benchmark.clouds", 200);

    @Inject
    ProbeRunner runner;
    @Inject
    MeasurementQuery query;

    @Test
    void lifecycleAgainstManyCloudsAtOnce() throws Exception {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < CLOUDS; i++) {
            String name = "scale-" + i;
            SandboxTestResource.server().putCloud(CloudProfiles.parse("""
                    clouds:
                      - name: %s
                        users: [ { name: probe, password: pw } ]
                        bootTime: { distribution: constant, medianMs: 5000 }
                        deleteTime: { distribution: constant, medianMs: 2000 }
                    """.formatted(name)).get(0));
            admin().body(memberBody(name, SandboxTestResource.server().authUrl(name), "pw", false)).post("/api/v1/members")
                    .then().statusCode(201);
            slugs.add(name);
        }
        var threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        int threadsBefore = threads.getThreadCount();
        long cpuBefore = cpu();
        long wallBefore = System.nanoTime();
        List<UUID> runs = new ArrayList<>();
        for (String slug : slugs) {
            runs.add(runner.run(LifecycleProbe.NAME, slug, RunTrigger.MANUAL).orElseThrow());
        }
        double startAll = (System.nanoTime() - wallBefore) / 1e9;
        java.util.Map<String, Long> byKind = Thread.getAllStackTraces().keySet().stream()
                .collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[-#\\d]+$", ""),
                        java.util.stream.Collectors.counting()));
        long okHttpPools = byKind.getOrDefault("OkHttp ConnectionPool", 0L);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> runs.stream()
                .allMatch(id -> query.run(id) != null && query.run(id).status != RunStatus.RUNNING));
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cpuSeconds = (cpu() - cpuBefore) / 1e9;
        long ok = runs.stream().filter(id -> query.ofRun(id).stream().allMatch(m -> m.outcome == org.stackratings.measurement.Outcome.OK)).count();
        assertThat(ok).as(query.ofRun(runs.get(0)).stream().map(m -> m.operation + "=" + m.outcome + " " + m.detail).toList().toString())
                .isEqualTo(CLOUDS);
        String report = """
                Lifecycle probe against %d sandbox clouds started at once (boot 5 s, delete 2 s, polls from 1 s backing off to 10 s
                as shipped), one instance, %d cores, sandbox in the same JVM.

                | clouds | runs all OK | time to start all runs (s) | wall time until all finished (s) | CPU time (s) | CPU per run (ms) | threads before / peak | OkHttp pool threads after start |
                | --- | --- | --- | --- | --- | --- | --- | --- |
                | %d | %d | %.2f | %.1f | %.1f | %.0f | %d / %d | %d |
                """.formatted(CLOUDS, Runtime.getRuntime().availableProcessors(), CLOUDS, ok, startAll, wall, cpuSeconds,
                cpuSeconds * 1000 / CLOUDS, threadsBefore, threads.getPeakThreadCount(), okHttpPools);
        Path out = Path.of("target/benchmarks/lifecycle-scale.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
