package org.stackratings.sandbox.profile;

import java.util.Locale;
import java.util.Random;

/**
 * A latency distribution in milliseconds. Samples are clamped at zero.
 *
 * <ul>
 * <li>{@code constant}: always {@code medianMs}</li>
 * <li>{@code uniform}: between {@code minMs} and {@code maxMs}</li>
 * <li>{@code normal}: mean {@code medianMs}, 95th percentile {@code p95Ms}</li>
 * <li>{@code lognormal}: median {@code medianMs}, 95th percentile {@code p95Ms} (a long right tail)</li>
 * </ul>
 */
public record LatencyProfile(Distribution distribution, double medianMs, double p95Ms, double minMs, double maxMs) {

    /** z-score of the 95th percentile of a standard normal distribution. */
    private static final double Z95 = 1.6448536269514722;

    /** No injected latency. */
    public static final LatencyProfile NONE = constant(0);

    public enum Distribution {
        CONSTANT, UNIFORM, NORMAL, LOGNORMAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LatencyProfile {
        if (distribution == null) {
            throw new IllegalArgumentException("distribution is required");
        }
        if (medianMs < 0 || p95Ms < 0 || minMs < 0 || maxMs < 0) {
            throw new IllegalArgumentException("latency values must not be negative");
        }
        // canonical form: the parameters the distribution uses; the others derived or zero
        switch (distribution) {
            case CONSTANT -> {
                p95Ms = medianMs;
                minMs = 0;
                maxMs = 0;
            }
            case UNIFORM -> {
                if (maxMs < minMs) {
                    throw new IllegalArgumentException("maxMs must be >= minMs");
                }
                medianMs = (minMs + maxMs) / 2;
                p95Ms = minMs + 0.95 * (maxMs - minMs);
            }
            case NORMAL, LOGNORMAL -> {
                if (distribution == Distribution.LOGNORMAL && medianMs <= 0) {
                    throw new IllegalArgumentException("medianMs must be > 0 for lognormal");
                }
                if (p95Ms < medianMs) {
                    throw new IllegalArgumentException("p95Ms must be >= medianMs");
                }
                minMs = 0;
                maxMs = 0;
            }
        }
    }

    public static LatencyProfile constant(double ms) {
        return new LatencyProfile(Distribution.CONSTANT, ms, ms, 0, 0);
    }

    public static LatencyProfile uniform(double minMs, double maxMs) {
        return new LatencyProfile(Distribution.UNIFORM, 0, 0, minMs, maxMs);
    }

    public static LatencyProfile normal(double medianMs, double p95Ms) {
        return new LatencyProfile(Distribution.NORMAL, medianMs, p95Ms, 0, 0);
    }

    public static LatencyProfile lognormal(double medianMs, double p95Ms) {
        return new LatencyProfile(Distribution.LOGNORMAL, medianMs, p95Ms, 0, 0);
    }

    /** Draws one latency in milliseconds (never negative). */
    public double sampleMs(Random random) {
        double value = switch (distribution) {
            case CONSTANT -> medianMs;
            case UNIFORM -> minMs + random.nextDouble() * (maxMs - minMs);
            case NORMAL -> medianMs + random.nextGaussian() * (p95Ms - medianMs) / Z95;
            case LOGNORMAL -> Math.exp(Math.log(medianMs) + random.nextGaussian() * Math.log(p95Ms / medianMs) / Z95);
        };
        return Math.max(0, value);
    }
}
