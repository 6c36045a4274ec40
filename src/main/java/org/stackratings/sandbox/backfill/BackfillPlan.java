package org.stackratings.sandbox.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.OutageWindow;

/**
 * What the sandbox backfill generates: the period [{@code start}, {@code end}), and the incidents it adds to the
 * clouds' own profiles so the history has something to rate: outages and a slowdown for some clouds, and a gap in
 * which the agency itself measured nothing. Deterministic: the same clouds and period give the same plan.
 *
 * @param outages   extra outage windows per cloud
 * @param slowdowns latency slowdowns per cloud
 * @param agencyGaps periods with no runs at all (the agency was down), for every cloud
 */
public record BackfillPlan(Instant start, Instant end, Map<String, List<OutageWindow>> outages,
                           Map<String, List<Slowdown>> slowdowns, List<Gap> agencyGaps) {

    /** Latencies multiplied by a factor that rises linearly from 1 to {@code peak} in the middle and back. */
    public record Slowdown(Instant start, Instant end, double peak) {

        public double factorAt(Instant t) {
            if (t.isBefore(start) || !t.isBefore(end)) {
                return 1.0;
            }
            double half = (end.toEpochMilli() - start.toEpochMilli()) / 2.0;
            double fromMiddle = Math.abs(t.toEpochMilli() - start.toEpochMilli() - half);
            return 1.0 + (peak - 1.0) * (1.0 - fromMiddle / half);
        }
    }

    /** A period [start, end). */
    public record Gap(Instant start, Instant end) {

        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    public BackfillPlan {
        outages = Map.copyOf(outages);
        slowdowns = Map.copyOf(slowdowns);
        agencyGaps = List.copyOf(agencyGaps);
    }

    /**
     * The plan for {@code days} days up to {@code end}, starting on the hour. With the clouds in name order: the first
     * has a 3-hour outage of every service (ERROR) at 45 % of the period, the second a 6-hour TIMEOUT outage of
     * compute and network at 70 %, the third a slowdown to 4 × its latency over a day and a half (a quarter of the
     * period when shorter) from 25 %; the agency measures nothing for one hour at 60 %.
     */
    public static BackfillPlan of(List<String> clouds, Instant end, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a backfill covers at least one day");
        }
        Instant start = end.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(days));
        Duration period = Duration.between(start, end);
        List<String> names = clouds.stream().sorted().toList();
        Map<String, List<OutageWindow>> outages = new LinkedHashMap<>();
        Map<String, List<Slowdown>> slowdowns = new LinkedHashMap<>();
        if (!names.isEmpty()) {
            Instant at = at(start, period, 0.45);
            outages.put(names.get(0), List.of(OutageWindow.absolute(at, at.plus(Duration.ofHours(3)), FaultMode.ERROR,
                    List.of())));
        }
        if (names.size() > 1) {
            Instant at = at(start, period, 0.70);
            outages.put(names.get(1), List.of(OutageWindow.absolute(at, at.plus(Duration.ofHours(6)), FaultMode.TIMEOUT,
                    List.of("compute", "network"))));
        }
        if (names.size() > 2) {
            Instant at = at(start, period, 0.25);
            Duration length = Duration.ofHours(36);
            if (length.compareTo(period.dividedBy(4)) > 0) {
                length = period.dividedBy(4);
            }
            slowdowns.put(names.get(2), List.of(new Slowdown(at, at.plus(length), 4.0)));
        }
        Instant gap = at(start, period, 0.60);
        return new BackfillPlan(start, end, outages, slowdowns, List.of(new Gap(gap, gap.plus(Duration.ofHours(1)))));
    }

    private static Instant at(Instant start, Duration period, double fraction) {
        return start.plusMillis((long) (period.toMillis() * fraction)).truncatedTo(ChronoUnit.HOURS);
    }

    public List<OutageWindow> outagesOf(String cloud) {
        return outages.getOrDefault(cloud, List.of());
    }

    public double slowdownOf(String cloud, Instant t) {
        double factor = 1.0;
        for (Slowdown s : slowdowns.getOrDefault(cloud, List.of())) {
            factor *= s.factorAt(t);
        }
        return factor;
    }

    public boolean agencyDown(Instant t) {
        return agencyGaps.stream().anyMatch(g -> g.contains(t));
    }

    /** One line per incident, for the log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        new java.util.TreeMap<>(outages).forEach((cloud, windows) -> windows.forEach(w -> lines.add(String.format("%s: %s outage of %s from %s to %s",
                cloud, w.mode(), w.services().isEmpty() ? "every service" : String.join(", ", w.services()), w.start(), w.end()))));
        new java.util.TreeMap<>(slowdowns).forEach((cloud, list) -> list.forEach(s -> lines.add(String.format(
                "%s: latency up to %.0f x from %s to %s", cloud, s.peak(), s.start(), s.end()))));
        agencyGaps.forEach(g -> lines.add("every cloud: the agency measured nothing from " + g.start() + " to " + g.end()));
        return lines;
    }
}
