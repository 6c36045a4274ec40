package org.stackratings.rating;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatistics.OperationStatistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the scorecard over generated measurements: JUnit 5 parameterized tests, 300 tries each, whose inputs
 * are drawn from ranges by a seeded generator ({@link Draws}). The seed is {@value Draws#DEFAULT_SEED} unless the
 * system property {@code scorecard.seed} says otherwise; every try's display name and assertion message names the
 * seed, the try and its inputs, so {@code -Dscorecard.seed=<seed>} replays a failure exactly.
 */
class ScorecardPropertiesTest {

    private static final int TRIES = 300;
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private final Scorecard scorecard = new Scorecard(MethodologyFixture.methodology(Map.of()));

    record BetterWorse(Draws.Try at, double errors, double fewerErrors, double p50, double faster, int bootFailures,
                       int fewerBootFailures, int failedCapabilities, int fewerFailedCapabilities) {
        @Override
        public String toString() {
            return at + ": errors=" + errors + ", fewerErrors=" + fewerErrors + ", p50=" + p50 + ", faster=" + faster
                    + ", bootFailures=" + bootFailures + ", fewerBootFailures=" + fewerBootFailures
                    + ", failedCapabilities=" + failedCapabilities + ", fewerFailedCapabilities=" + fewerFailedCapabilities;
        }
    }

    static Stream<BetterWorse> betterWorse() {
        return Draws.tries("betterWorse", d -> new BetterWorse(d.at(),
                d.decimal(0, 0.3), d.decimal(0, 1), d.decimal(1, 5000), d.decimal(0.2, 1),
                d.integer(0, 100), d.integer(0, 100), d.integer(0, 19), d.integer(0, 19)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("betterWorse")
    void betterMeasurementsNeverGiveAWorseNotch(BetterWorse in) {
        WindowStatistics worse = stats(in.errors(), in.p50(), in.bootFailures(), in.failedCapabilities());
        WindowStatistics better = stats(in.errors() * in.fewerErrors(), in.p50() * in.faster(),
                Math.min(in.bootFailures(), in.fewerBootFailures()),
                Math.min(in.failedCapabilities(), in.fewerFailedCapabilities()));
        assertThat(scorecard.rate(better, INTERVAL).indicated().ordinal())
                .as("%s: better measurements give no worse notch", in)
                .isLessThanOrEqualTo(scorecard.rate(worse, INTERVAL).indicated().ordinal());
    }

    record OneFactor(Draws.Try at, double errors, double p50, int bootFailures, int failedCapabilities) {
        @Override
        public String toString() {
            return at + ": errors=" + errors + ", p50=" + p50 + ", bootFailures=" + bootFailures
                    + ", failedCapabilities=" + failedCapabilities;
        }
    }

    static Stream<OneFactor> oneFactor() {
        return Draws.tries("oneFactor", d -> new OneFactor(d.at(),
                d.decimal(0, 0.3), d.decimal(1, 5000), d.integer(0, 100), d.integer(0, 18)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFactor")
    void theNotchIsMonotoneInEachFactorAlone(OneFactor in) {
        double errors = in.errors();
        double p50 = in.p50();
        int bootFailures = in.bootFailures();
        int failedCapabilities = in.failedCapabilities();
        Notch base = scorecard.rate(stats(errors, p50, bootFailures, failedCapabilities), INTERVAL).indicated();
        assertThat(scorecard.rate(stats(errors + 0.01, p50, bootFailures, failedCapabilities), INTERVAL).indicated().ordinal())
                .as("%s: more errors", in).isGreaterThanOrEqualTo(base.ordinal());
        assertThat(scorecard.rate(stats(errors, p50 * 1.5, bootFailures, failedCapabilities), INTERVAL).indicated().ordinal())
                .as("%s: slower", in).isGreaterThanOrEqualTo(base.ordinal());
        assertThat(scorecard.rate(stats(errors, p50, Math.min(200, bootFailures + 5), failedCapabilities), INTERVAL).indicated().ordinal())
                .as("%s: more boot failures", in).isGreaterThanOrEqualTo(base.ordinal());
        assertThat(scorecard.rate(stats(errors, p50, bootFailures, failedCapabilities + 1), INTERVAL).indicated().ordinal())
                .as("%s: one more failed capability", in).isGreaterThanOrEqualTo(base.ordinal());
    }

    record Caps(Draws.Try at, double errors, double p50, int failedCapabilities, int bootFailures) {
        @Override
        public String toString() {
            return at + ": errors=" + errors + ", p50=" + p50 + ", failedCapabilities=" + failedCapabilities
                    + ", bootFailures=" + bootFailures;
        }
    }

    static Stream<Caps> caps() {
        return Draws.tries("caps", d -> new Caps(d.at(),
                d.decimal(0.011, 0.5, 4), d.decimal(1, 100), d.integer(2, 19), d.integer(21, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caps")
    void capsHoldWhateverTheOtherFactorsSay(Caps in) {
        assertThat(scorecard.rate(stats(in.errors(), in.p50(), 0, 0), INTERVAL).indicated().ordinal())
                .as("%s: availability below 99 %% caps at B1", in).isGreaterThanOrEqualTo(Notch.B1.ordinal());
        assertThat(scorecard.rate(stats(0, in.p50(), 0, in.failedCapabilities()), INTERVAL).indicated().isAssured())
                .as("%s: compliance below 95 %% is below assured grade", in).isFalse();
        assertThat(scorecard.rate(stats(0, in.p50(), in.bootFailures(), 0), INTERVAL).indicated().isAssured())
                .as("%s: boot success lower bound below 95 %% is below assured grade", in).isFalse();
    }

    /**
     * A seeded source of inputs within ranges. Try 0 takes every range's lower bound and try 1 every upper bound
     * (the edges, where a property most often breaks); the other tries draw uniformly. The draws of a property
     * depend only on the seed and the property's name, so a seed replays the same 300 inputs.
     */
    static final class Draws {
        static final long DEFAULT_SEED = 20261125L;
        static final String SEED_PROPERTY = "scorecard.seed";

        /** Which try of which seed an input is: printed with every input so that a failure can be replayed. */
        record Try(long seed, int index) {
            @Override
            public String toString() {
                return "try " + index + " of -D" + SEED_PROPERTY + "=" + seed;
            }
        }

        private final Try at;
        private final SplittableRandom random;

        private Draws(Try at, SplittableRandom random) {
            this.at = at;
            this.random = random;
        }

        static long seed() {
            String configured = System.getProperty(SEED_PROPERTY);
            return configured == null || configured.isBlank() ? DEFAULT_SEED : Long.parseLong(configured.trim());
        }

        static <T> Stream<T> tries(String property, Function<Draws, T> input) {
            long seed = seed();
            SplittableRandom random = new SplittableRandom(seed ^ property.hashCode());
            return IntStream.range(0, TRIES).mapToObj(i -> input.apply(new Draws(new Try(seed, i), random)));
        }

        Try at() {
            return at;
        }

        /** A double in [min, max]. */
        double decimal(double min, double max) {
            return switch (at.index()) {
                case 0 -> min;
                case 1 -> max;
                default -> min + (max - min) * random.nextDouble();
            };
        }

        /** A double in [min, max] with at most {@code scale} decimal places. */
        double decimal(double min, double max, int scale) {
            long low = BigDecimal.valueOf(min).movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
            long high = BigDecimal.valueOf(max).movePointRight(scale).setScale(0, RoundingMode.FLOOR).longValueExact();
            long units = switch (at.index()) {
                case 0 -> low;
                case 1 -> high;
                default -> random.nextLong(low, high + 1);
            };
            return BigDecimal.valueOf(units, scale).doubleValue();
        }

        /** An int in [min, max]. */
        int integer(int min, int max) {
            return switch (at.index()) {
                case 0 -> min;
                case 1 -> max;
                default -> random.nextInt(min, max + 1);
            };
        }
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
