package org.stackratings.rating;

import org.junit.jupiter.api.Test;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatistics.OperationStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private final Scorecard scorecard = new Scorecard(MethodologyFixture.methodology(Map.of()));

    @Test
    void ratesAPerfectFastCloudAaa() {
        ScorecardResult result = scorecard.rate(stats(0.0, 20, 30, 40, fullCoverage()), INTERVAL);
        assertThat(result.indicated()).isEqualTo(Notch.AAA);
        assertThat(result.score()).isGreaterThanOrEqualTo(95);
        assertThat(result.methodologyVersion()).isEqualTo("2026.1-draft");
    }

    @Test
    void betterAvailabilityNeverGivesAWorseNotch() {
        Notch previous = null;
        for (int step = 1000; step >= 0; step--) {
            double errorRate = step * 0.0005;
            Notch notch = scorecard.rate(stats(errorRate, 100, 200, 300, fullCoverage()), INTERVAL).indicated();
            if (previous != null) {
                assertThat(notch.ordinal()).as("error rate %s", errorRate).isLessThanOrEqualTo(previous.ordinal());
            }
            previous = notch;
        }
        assertThat(previous).as("no errors, p50 100 ms").isIn(Notch.AAA, Notch.AA1);
    }

    @Test
    void lowerLatencyNeverGivesAWorseNotch() {
        Notch slowest = null;
        Notch previous = null;
        Set<Notch> seen = EnumSet.noneOf(Notch.class);
        for (double p50 = 5000; p50 >= 1; p50 *= 0.97) {
            Notch notch = scorecard.rate(stats(0.001, p50, p50 * 2, p50 * 3, fullCoverage()), INTERVAL).indicated();
            if (previous != null) {
                assertThat(notch.ordinal()).as("p50 %s", p50).isLessThanOrEqualTo(previous.ordinal());
            } else {
                slowest = notch;
            }
            seen.add(notch);
            previous = notch;
        }
        // a scorecard that ignored latency (every notch equal) would pass the loop above: latency must move the notch
        assertThat(previous.ordinal()).as("p50 1 ms against p50 5 s").isLessThan(slowest.ordinal());
        assertThat(seen).as("notches met from p50 5 s down to 1 ms").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void capsTheRatingWhenAvailabilityIsBelowNinetyNinePercent() {
        // fast but failing 2 % of calls: the score alone would be far better than B1
        ScorecardResult result = scorecard.rate(stats(0.02, 10, 15, 20, fullCoverage()), INTERVAL);
        assertThat(result.caps()).extracting(CapApplied::code).containsExactly("AVAILABILITY_BELOW_THRESHOLD");
        assertThat(result.indicated().ordinal()).isGreaterThanOrEqualTo(Notch.B1.ordinal());
        assertThat(result.indicated().isAssured()).isFalse();
    }

    @Test
    void isNotRatedWithoutEnoughHistoryOrCoverage() {
        WindowStatistics young = new WindowStatistics(NOW.minus(Duration.ofDays(30)), NOW, NOW.minus(Duration.ofDays(2)),
                2 * 24 * 60, operations(0, 10, 20, 30), List.of());
        assertThat(scorecard.rate(young, INTERVAL).indicated()).isEqualTo(Notch.NR);
        assertThat(scorecard.rate(young, INTERVAL).notRatedReason()).contains("history");

        WindowStatistics sparse = new WindowStatistics(NOW.minus(Duration.ofDays(30)), NOW, NOW.minus(Duration.ofDays(60)),
                30 * 24 * 60 / 2, operations(0, 10, 20, 30), List.of());
        ScorecardResult result = scorecard.rate(sparse, INTERVAL);
        assertThat(result.indicated()).isEqualTo(Notch.NR);
        assertThat(result.notRatedReason()).contains("coverage");
        assertThat(result.coverage().share()).isEqualTo(0.5);

        WindowStatistics never = new WindowStatistics(NOW.minus(Duration.ofDays(30)), NOW, null, 0, Map.of(), List.of());
        assertThat(scorecard.rate(never, INTERVAL).indicated()).isEqualTo(Notch.NR);
    }

    @Test
    void inconclusiveMeasurementsDoNotLowerTheRating() {
        WindowStatistics clean = stats(0, 20, 30, 40, fullCoverage());
        Map<String, OperationStatistics> withAgencyFaults = new LinkedHashMap<>();
        clean.operations().forEach((k, v) -> withAgencyFaults.put(k, new OperationStatistics(k, v.ok(), v.error(),
                v.timeout(), 5000, v.p50(), v.p95(), v.p99())));
        WindowStatistics faulty = new WindowStatistics(clean.from(), clean.to(), clean.firstRunAt(), clean.measuredRuns(),
                withAgencyFaults, List.of());
        assertThat(scorecard.rate(faulty, INTERVAL).score()).isEqualTo(scorecard.rate(clean, INTERVAL).score());
    }

    @Test
    void anAgencyOutageLowersCoverageButNeverTheRating() {
        // the agency was down for two of the thirty days: no runs, so fewer measurements and fewer measured runs
        WindowStatistics full = stats(0.001, 40, 80, 120, fullCoverage());
        Map<String, OperationStatistics> fewer = new LinkedHashMap<>();
        full.operations().forEach((k, v) -> fewer.put(k, new OperationStatistics(k, v.ok() * 28 / 30, v.error() * 28 / 30,
                v.timeout(), v.inconclusive(), v.p50(), v.p95(), v.p99())));
        WindowStatistics gap = new WindowStatistics(full.from(), full.to(), full.firstRunAt(), fullCoverage() * 28L / 30, fewer,
                List.of());
        ScorecardResult withGap = scorecard.rate(gap, INTERVAL);
        ScorecardResult without = scorecard.rate(full, INTERVAL);
        assertThat(withGap.coverage().share()).isLessThan(without.coverage().share()).isGreaterThan(0.9);
        assertThat(withGap.indicated()).isEqualTo(without.indicated());
        assertThat(withGap.score()).isCloseTo(without.score(), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void mapsScoresToNotchesByThePublishedFloors() {
        assertThat(scorecard.notchFor(100)).isEqualTo(Notch.AAA);
        assertThat(scorecard.notchFor(95)).isEqualTo(Notch.AAA);
        assertThat(scorecard.notchFor(94.99)).isEqualTo(Notch.AA1);
        assertThat(scorecard.notchFor(50)).isEqualTo(Notch.BAA3);
        assertThat(scorecard.notchFor(49.9)).isEqualTo(Notch.BA1);
        assertThat(scorecard.notchFor(0)).isEqualTo(Notch.CA);
    }

    @Test
    void gridsAreContinuousAndMonotone() {
        Grid grid = Grid.latency("p95", List.of(150.0, 250.0, 400.0, 600.0, 1000.0, 2000.0, 5000.0),
                List.of(95.0, 80.0, 65.0, 50.0, 35.0, 20.0, 5.0, 0.0));
        double previous = 101;
        for (double ms = 0; ms < 12000; ms += 7) {
            double score = grid.score(ms);
            assertThat(score).as("%s ms", ms).isLessThanOrEqualTo(previous).isBetween(0.0, 100.0);
            previous = score;
        }
        assertThat(grid.score(150)).isEqualTo(95.0);
        assertThat(grid.category(150)).isEqualTo("Aaa");
        assertThat(grid.category(151)).isEqualTo("Aa");
        assertThat(grid.category(6000)).isEqualTo("Ca");
    }

    @Test
    void aCloudFailingRequiredCapabilitiesCannotBeAssuredGrade() {
        WindowStatistics clean = stats(0, 20, 30, 40, fullCoverage());
        WindowStatistics compliant = withCompliance(clean, 19, 0);
        WindowStatistics failing = withCompliance(clean, 17, 2);
        assertThat(scorecard.rate(compliant, INTERVAL).indicated()).isEqualTo(Notch.AAA);
        ScorecardResult result = scorecard.rate(failing, INTERVAL);
        assertThat(result.caps()).extracting(CapApplied::code).containsExactly("COMPLIANCE_BELOW_THRESHOLD");
        assertThat(result.caps().get(0).text()).contains("cap-1", "cap-2");
        assertThat(result.indicated().isAssured()).isFalse();
        assertThat(result.factors()).extracting(FactorScore::name).contains("compliance");
    }

    @Test
    void bootSuccessIsAFactorAndItsLowerBoundCapsTheRating() {
        WindowStatistics clean = stats(0, 20, 30, 40, fullCoverage());
        Notch previous = null;
        for (int failed = 0; failed <= 60; failed += 2) {
            ScorecardResult result = scorecard.rate(withBoots(clean, 200, failed), INTERVAL);
            assertThat(result.factors()).extracting(FactorScore::name).contains("lifecycle");
            if (previous != null) {
                assertThat(result.indicated().ordinal()).as("%d failed boots", failed).isGreaterThanOrEqualTo(previous.ordinal());
            }
            previous = result.indicated();
        }
        ScorecardResult poorBoots = scorecard.rate(withBoots(clean, 200, 20), INTERVAL);
        assertThat(poorBoots.caps()).extracting(CapApplied::code).contains("BOOT_SUCCESS_BELOW_THRESHOLD");
        assertThat(poorBoots.indicated().isAssured()).isFalse();
        ScorecardResult fewBoots = scorecard.rate(withBoots(clean, 20, 2), INTERVAL);
        assertThat(fewBoots.caps()).as("20 boots cannot support the lower bound").isEmpty();
    }

    private static WindowStatistics withCompliance(WindowStatistics s, long passed, long failed) {
        List<String> failing = java.util.stream.IntStream.rangeClosed(1, (int) failed).mapToObj(i -> "cap-" + i).toList();
        return new WindowStatistics(s.from(), s.to(), s.firstRunAt(), s.measuredRuns(), s.operations(), s.missingServices(),
                s.lifecycle(), new WindowStatistics.ComplianceSummary("2020.06", passed, failed, 60 - passed - failed, NOW, failing));
    }

    private static WindowStatistics withBoots(WindowStatistics s, long boots, long failed) {
        Map<String, OperationStatistics> lifecycle = Map.of(
                "compute.server.create", new OperationStatistics("compute.server.create", boots, 0, 0, 0, 300.0, 500.0, 600.0),
                "compute.server.active", new OperationStatistics("compute.server.active", boots - failed, failed, 0, 0, 20_000.0, 28_000.0, 35_000.0),
                "compute.server.delete", new OperationStatistics("compute.server.delete", boots, 0, 0, 0, 2_000.0, 3_000.0, 4_000.0));
        return new WindowStatistics(s.from(), s.to(), s.firstRunAt(), s.measuredRuns(), s.operations(), s.missingServices(),
                lifecycle, s.compliance());
    }

    private static int fullCoverage() {
        return 30 * 24 * 60;
    }

    /** Five operations with the given error share and latency percentiles over 30 days of one-minute runs. */
    private static WindowStatistics stats(double errorRate, double p50, double p95, double p99, long runs) {
        return new WindowStatistics(NOW.minus(Duration.ofDays(30)), NOW, NOW.minus(Duration.ofDays(40)), runs,
                operations(errorRate, p50, p95, p99), List.of());
    }

    private static Map<String, OperationStatistics> operations(double errorRate, double p50, double p95, double p99) {
        Map<String, OperationStatistics> ops = new LinkedHashMap<>();
        long calls = 43_200;
        long errors = Math.round(calls * errorRate);
        for (String op : List.of("identity.token.issue", "compute.flavors.list", "image.images.list",
                "network.networks.list", "volume.volumes.list")) {
            ops.put(op, new OperationStatistics(op, calls - errors, errors, 0, 0, p50, p95, p99));
        }
        return ops;
    }
}
