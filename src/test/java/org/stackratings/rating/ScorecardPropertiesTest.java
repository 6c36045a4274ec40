package org.stackratings.rating;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatistics.OperationStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the scorecard over generated measurements (jqwik). */
class ScorecardPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private final Scorecard scorecard = new Scorecard(MethodologyFixture.methodology(Map.of()));

    @Property(tries = 300)
    void betterMeasurementsNeverGiveAWorseNotch(@ForAll @DoubleRange(min = 0, max = 0.3) double errors,
                                                @ForAll @DoubleRange(min = 0, max = 1) double fewerErrors,
                                                @ForAll @DoubleRange(min = 1, max = 5000) double p50,
                                                @ForAll @DoubleRange(min = 0.2, max = 1) double faster,
                                                @ForAll @IntRange(min = 0, max = 100) int bootFailures,
                                                @ForAll @IntRange(min = 0, max = 100) int fewerBootFailures,
                                                @ForAll @IntRange(min = 0, max = 19) int failedCapabilities,
                                                @ForAll @IntRange(min = 0, max = 19) int fewerFailedCapabilities) {
        WindowStatistics worse = stats(errors, p50, bootFailures, failedCapabilities);
        WindowStatistics better = stats(errors * fewerErrors, p50 * faster, Math.min(bootFailures, fewerBootFailures),
                Math.min(failedCapabilities, fewerFailedCapabilities));
        assertThat(scorecard.rate(better, INTERVAL).indicated().ordinal())
                .isLessThanOrEqualTo(scorecard.rate(worse, INTERVAL).indicated().ordinal());
    }

    @Property(tries = 300)
    void theNotchIsMonotoneInEachFactorAlone(@ForAll @DoubleRange(min = 0, max = 0.3) double errors,
                                             @ForAll @DoubleRange(min = 1, max = 5000) double p50,
                                             @ForAll @IntRange(min = 0, max = 100) int bootFailures,
                                             @ForAll @IntRange(min = 0, max = 18) int failedCapabilities) {
        Notch base = scorecard.rate(stats(errors, p50, bootFailures, failedCapabilities), INTERVAL).indicated();
        assertThat(scorecard.rate(stats(errors + 0.01, p50, bootFailures, failedCapabilities), INTERVAL).indicated().ordinal())
                .isGreaterThanOrEqualTo(base.ordinal());
        assertThat(scorecard.rate(stats(errors, p50 * 1.5, bootFailures, failedCapabilities), INTERVAL).indicated().ordinal())
                .isGreaterThanOrEqualTo(base.ordinal());
        assertThat(scorecard.rate(stats(errors, p50, Math.min(200, bootFailures + 5), failedCapabilities), INTERVAL).indicated().ordinal())
                .isGreaterThanOrEqualTo(base.ordinal());
        assertThat(scorecard.rate(stats(errors, p50, bootFailures, failedCapabilities + 1), INTERVAL).indicated().ordinal())
                .isGreaterThanOrEqualTo(base.ordinal());
    }

    @Property(tries = 300)
    void capsHoldWhateverTheOtherFactorsSay(@ForAll @DoubleRange(min = 0.011, max = 0.5) @net.jqwik.api.constraints.Scale(4) double errors,
                                            @ForAll @DoubleRange(min = 1, max = 100) double p50,
                                            @ForAll @IntRange(min = 2, max = 19) int failedCapabilities,
                                            @ForAll @IntRange(min = 21, max = 100) int bootFailures) {
        assertThat(scorecard.rate(stats(errors, p50, 0, 0), INTERVAL).indicated().ordinal())
                .as("availability below 99 %% caps at B1").isGreaterThanOrEqualTo(Notch.B1.ordinal());
        assertThat(scorecard.rate(stats(0, p50, 0, failedCapabilities), INTERVAL).indicated().isAssured())
                .as("compliance below 95 %% is below assured grade").isFalse();
        assertThat(scorecard.rate(stats(0, p50, bootFailures, 0), INTERVAL).indicated().isAssured())
                .as("boot success lower bound below 95 %% is below assured grade").isFalse();
    }

    /** 30 days of one-minute api runs, 200 boots, one compliance run over 19 checked capabilities. */
    private static WindowStatistics stats(double errorRate, double p50, int bootFailures, int failedCapabilities) {
        Map<String, OperationStatistics> ops = new LinkedHashMap<>();
        long calls = 43_200;
        long errors = Math.round(calls * errorRate);
        for (String op : List.of("identity.token.issue", "compute.flavors.list", "image.images.list",
                "network.networks.list", "volume.volumes.list")) {
            ops.put(op, new OperationStatistics(op, calls - errors, errors, 0, 0, p50, p50 * 2, p50 * 3));
        }
        Map<String, OperationStatistics> lifecycle = Map.of(
                "compute.server.create", new OperationStatistics("compute.server.create", 200, 0, 0, 0, 300.0, 500.0, 600.0),
                "compute.server.active", new OperationStatistics("compute.server.active", 200 - bootFailures, bootFailures, 0, 0, 20_000.0, 28_000.0, 35_000.0),
                "compute.server.delete", new OperationStatistics("compute.server.delete", 200, 0, 0, 0, 2_000.0, 3_000.0, 4_000.0));
        return new WindowStatistics(NOW.minus(Duration.ofDays(30)), NOW, NOW.minus(Duration.ofDays(40)), calls, ops, List.of(),
                lifecycle, new WindowStatistics.ComplianceSummary("2020.06", 19 - failedCapabilities, failedCapabilities,
                41, NOW, List.of()));
    }
}
