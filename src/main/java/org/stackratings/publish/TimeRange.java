package org.stackratings.publish;

import org.stackratings.web.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A validated {@code from}/{@code to} pair of ISO-8601 instants; defaults to the last 24 hours. */
record TimeRange(Instant from, Instant to) {

    static final Duration MAX = Duration.ofDays(400);

    static TimeRange parse(String from, String to, Clock clock) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX) > 0) {
            throw ProblemException.badRequest("the range may span at most " + MAX.toDays() + " days");
        }
        return new TimeRange(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-11-25T10:00:00Z, got '" + value + "'");
        }
    }
}
