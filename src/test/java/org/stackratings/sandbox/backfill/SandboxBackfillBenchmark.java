package org.stackratings.sandbox.backfill;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test (tag "benchmark"): the dev-mode backfill as dev mode runs it (the four dev clouds, dev
 * cadences and methodology, {@code benchmark.days} days, default 90) on the test database, started at start-up in
 * the background. Prints and writes target/benchmarks/backfill.md: generation and replay time, and CPU.
 * {@code ./mvnw test -Dtest=SandboxBackfillBenchmark -Dsurefire.excludedGroups= -Dbenchmark.days=90}
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(SandboxBackfillBenchmark.DevLike.class)
class SandboxBackfillBenchmark {

    /** The dev profile's sandbox, cadences and methodology, with the in-process sandbox on a free port. */
    public static class DevLike implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            c.put("stackratings.sandbox.enabled", "true");
            c.put("stackratings.sandbox.port", "0");
            c.put("stackratings.sandbox.backfill.days", System.getProperty("benchmark.days", "90"));
            c.put("stackratings.member.api-interval", "PT15S");
            c.put("stackratings.member.lifecycle-interval", "PT2M");
            c.put("stackratings.member.compliance-interval", "PT10M");
            c.put("stackratings.methodology.version", "2026.1-draft+dev");
            c.put("stackratings.methodology.window", "P1D");
            c.put("stackratings.methodology.minimum-history", "PT3M");
            c.put("stackratings.methodology.minimum-coverage", "0.8");
            c.put("stackratings.methodology.stability.affirm-after", "P7D");
            c.put("stackratings.methodology.outlook.bucket", "PT1H");
            c.put("stackratings.methodology.outlook.horizon", "P1D");
            return c;
        }
    }

    @Inject
    SandboxBackfill backfill;

    @Test
    void backfillsTheDevClouds() throws Exception {
        SandboxBackfill.Result result = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> backfill.lastResult().orElse(null), r -> r != null);
        assertThat(result.outcome()).isEqualTo(SandboxBackfill.Outcome.GENERATED);
        String report = String.format("# Sandbox backfill%n%n%s clouds, %s days, %d cores: %s%n",
                result.members().size(), System.getProperty("benchmark.days", "90"),
                Runtime.getRuntime().availableProcessors(), result.message());
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/backfill.md"), report);
    }
}
