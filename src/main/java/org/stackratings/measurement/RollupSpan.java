package org.stackratings.measurement;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours that start in [{@code first}, {@code end}) (both whole hours, UTC), split for reading rollups: the days
 * all of whose hours are in it ([{@code daysFrom}, {@code daysTo}), read from the daily rows) and the hours before
 * and after them ([{@code first}, {@code daysFrom}) and [{@code daysTo}, {@code end}), read from the hourly rows).
 * Without a whole day, both day bounds are {@code end} and every hour is in the first hour range.
 */
record RollupSpan(Instant first, Instant end, Instant daysFrom, Instant daysTo) {

    private static final Duration DAY = Duration.ofDays(1);

    static RollupSpan of(Instant first, Instant end) {
        Instant day = RollupLevel.DAY.startOf(first);
        Instant daysFrom = day.equals(first) ? first : day.plus(DAY);
        Instant daysTo = RollupLevel.DAY.startOf(end);
        if (!daysFrom.isBefore(daysTo)) {
            return new RollupSpan(first, end, end, end);
        }
        return new RollupSpan(first, end, daysFrom, daysTo);
    }

    /** The hours that start in [{@code from} rounded down to the hour, {@code to}). */
    static RollupSpan ofWindow(Instant from, Instant to) {
        Instant end = RollupLevel.HOUR.startOf(to);
        return of(RollupLevel.HOUR.startOf(from), end.equals(to) ? end : end.plus(Duration.ofHours(1)));
    }

    /** The whole hours inside [{@code from}, {@code to}), or null when there is none. */
    static RollupSpan within(Instant from, Instant to) {
        Instant first = RollupLevel.HOUR.startOf(from);
        if (!first.equals(from)) {
            first = first.plus(Duration.ofHours(1));
        }
        Instant end = RollupLevel.HOUR.startOf(to);
        return first.isBefore(end) ? of(first, end) : null;
    }
}
