package org.stackratings.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The x values of a chart: every step from {@code start} (aligned) up to {@code end}, epoch seconds. */
record TimeGrid(List<Long> x, long stepSeconds) {

    static TimeGrid of(Instant start, Instant end, Duration step) {
        long s = step.toSeconds();
        List<Long> x = new ArrayList<>();
        for (long t = start.getEpochSecond(); t < end.getEpochSecond(); t += s) {
            x.add(t);
        }
        return new TimeGrid(x, s);
    }

    /** The values of a series on this grid: the value of each step, null where there is none. */
    List<Double> align(Map<Long, Double> byStepStart) {
        List<Double> values = new ArrayList<>(x.size());
        for (Long t : x) {
            values.add(byStepStart.get(t));
        }
        return values;
    }

    /** The step start that holds the instant. */
    long stepOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), stepSeconds) * stepSeconds;
    }
}
