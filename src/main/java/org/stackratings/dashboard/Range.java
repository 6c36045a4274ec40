package org.stackratings.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time ranges a member page offers, each with the step its time series are drawn in: hours for a day or a week,
 * six hours for a month, days for a quarter (at most 168 points a series).
 */
public enum Range {
    DAY("24h", "24 h", Duration.ofDays(1), Duration.ofHours(1)),
    WEEK("7d", "7 d", Duration.ofDays(7), Duration.ofHours(1)),
    MONTH("30d", "30 d", Duration.ofDays(30), Duration.ofHours(6)),
    QUARTER("90d", "90 d", Duration.ofDays(90), Duration.ofDays(1));

    public static final Range DEFAULT = WEEK;

    private final String key;
    private final String label;
    private final Duration length;
    private final Duration step;

    Range(String key, String label, Duration length, Duration step) {
        this.key = key;
        this.label = label;
        this.length = length;
        this.step = step;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    public Duration step() {
        return step;
    }

    /** The first step of the range ending at {@code now}: the step that holds {@code now - length}, aligned to the epoch. */
    public Instant start(Instant now) {
        long stepSeconds = step.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.minus(length).getEpochSecond(), stepSeconds) * stepSeconds);
    }

    /** The range of a query parameter ({@code 24h}, {@code 7d}, {@code 30d}, {@code 90d}); empty for anything else. */
    public static Optional<Range> of(String key) {
        if (key == null || key.isBlank()) {
            return Optional.of(DEFAULT);
        }
        for (Range range : values()) {
            if (range.key.equals(key.trim())) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }
}
