package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * Benchmark, not a test (tag "benchmark"; docs/benchmarks.md): one conformance run on a sandbox cloud (its duration,
 * its calls by method and service, the servers and other resources it creates), then {@code benchmark.clouds} runs
 * (default 200) against as many sandbox clouds at once, each on its own thread (wall time, this JVM's CPU time: the
 * agency's runs and the sandbox's clouds together, and the threads used). Writes target/benchmarks/conformance.md.
 * Asserts only correctness: every run passes every capability and leaves nothing behind.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ConformanceBenchmark {

    private static final int CLOUDS = Integer.getInteger("benchmark.clouds", 200);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneRunAndManyAtOnce() throws Exception {
        String cloud = ConformanceHarness.cloud("");
        long start = System.nanoTime();
        ConformanceOutcome one = ConformanceHarness.run(cloud, "m1.small");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(ConformanceHarness.withStatus(one, ConformanceStatus.PASS)).hasSize(60);
        SandboxLeftovers.assertNothingLeft(cloud);
        Map<String, Integer> calls = new TreeMap<>();
        int total = 0;
        for (CapabilityOutcome c : one.capabilities()) {
            for (JsonNode call : JSON.readTree(c.evidenceJson())) {
                String[] parts = call.path("call").asText().split(" ");
                calls.merge(parts[0] + " " + parts[1], 1, Integer::sum);
                total++;
            }
        }
        int servers = count(one, "\"POST compute /servers\"");

        List<String> clouds = new ArrayList<>();
        for (int i = 0; i < CLOUDS; i++) {
            clouds.add(ConformanceHarness.cloud(""));
        }
        int threadsBefore = Thread.activeCount();
        long cpuBefore = cpu();
        long wallStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLOUDS);
        List<Future<ConformanceOutcome>> runs = new ArrayList<>();
        for (String c : clouds) {
            runs.add(pool.submit(() -> ConformanceHarness.run(c, "m1.small")));
        }
        int passedAll = 0;
        int peakThreads = 0;
        Map<String, Integer> failures = new TreeMap<>();
        for (Future<ConformanceOutcome> run : runs) {
            peakThreads = Math.max(peakThreads, Thread.activeCount());
            ConformanceOutcome outcome = run.get();
            if (outcome.count(ConformanceStatus.PASS) == 60) {
                passedAll++;
            }
            outcome.capabilities().stream().filter(c -> c.status() != ConformanceStatus.PASS).forEach(c ->
                    failures.merge(c.capability() + " " + c.status() + ": " + String.valueOf(c.reason())
                            .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), 1, Integer::sum));
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (cpu() - cpuBefore) / 1e9;
        pool.shutdown();
        StringBuilder leftovers = new StringBuilder();
        for (String c : clouds) {
            List<String> left = SandboxLeftovers.leftovers(c);
            if (!left.isEmpty()) {
                leftovers.append(c).append(": ").append(left).append('\n');
            }
        }

        StringBuilder md = new StringBuilder("# Conformance run benchmark\n\n");
        md.append(String.format("One run (sandbox cloud, second flavor m1.small): %.1f s, %d calls recorded as evidence"
                + " (polls beyond the first and last of each wait not counted), %d POST /servers.%n%n", seconds, total,
                servers));
        md.append("| calls | count |\n| --- | --- |\n");
        calls.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append(String.format("%n%d runs at once against %d clouds: %.1f s wall, %.1f s CPU of this JVM (runs and"
                        + " sandbox), %d of %d passed all 60, threads %d before, up to %d during, %d cores.%n",
                CLOUDS, CLOUDS, wall, cpuSeconds, passedAll, CLOUDS, threadsBefore, peakThreads,
                Runtime.getRuntime().availableProcessors()));
        failures.forEach((k, v) -> md.append("- ").append(v).append(" × ").append(k).append('\n'));
        md.append(leftovers.isEmpty() ? "\nNothing left behind on any cloud.\n" : "\nLeft behind:\n" + leftovers);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/conformance.md"), md);
        System.out.println(md);
        assertThat(passedAll).isEqualTo(CLOUDS);
        assertThat(leftovers.toString()).isEmpty();
    }

    private static int count(ConformanceOutcome outcome, String needle) {
        int n = 0;
        for (CapabilityOutcome c : outcome.capabilities()) {
            int i = 0;
            while ((i = c.evidenceJson().indexOf(needle, i)) >= 0) {
                n++;
                i += needle.length();
            }
        }
        return n;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
