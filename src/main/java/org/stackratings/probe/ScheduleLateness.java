package org.stackratings.probe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How late scheduled probe runs start: from the time Quartz was due to fire the run to the moment its first call
 * begins (Quartz's own delay plus the wait for a probe worker). Published as the timer
 * {@code stackratings_probe_schedule_lateness_seconds} per probe, with buckets at the service levels that matter
 * (the share of runs at most 2 s late is {@code le="2.0"} over the count) and the 50th and 99th percentiles. Firings
 * that never started a run are counted apart: {@code stackratings_probe_schedule_missed_total{probe, reason}}, whose
 * series exist from the start at 0 (for every probe and reason), so that {@code increase()} sees the first miss too.
 */
@ApplicationScoped
public class ScheduleLateness {

    private static final Duration[] SERVICE_LEVELS = {Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    /** Why a scheduled firing made no run. */
    public enum Missed {
        /** More than half an interval late (after a takeover, or a stop shorter than Quartz's misfire threshold). */
        LATE,
        /** Every probe worker busy: the queue was full, or the run waited in it for its whole deadline. */
        OVERLOADED,
        /** Skipped by Quartz: more than its misfire threshold (60 s) late. */
        MISFIRED
    }

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> missed = new ConcurrentHashMap<>();

    public ScheduleLateness(MeterRegistry registry) {
        this.registry = registry;
        for (String probe : ProbeScheduler.PROBES) {
            for (Missed reason : Missed.values()) {
                missedCounter(probe, reason);
            }
        }
    }

    /** Records a run of {@code probe} that was due at {@code due} and started at {@code started}. */
    public void record(String probe, Instant due, Instant started) {
        Duration late = Duration.between(due, started);
        timers.computeIfAbsent(probe, p -> Timer.builder("stackratings.probe.schedule.lateness")
                        .description("Delay from a scheduled run's due time to the start of its first call")
                        .tag("probe", p)
                        .serviceLevelObjectives(SERVICE_LEVELS)
                        .publishPercentiles(0.5, 0.99)
                        .register(registry))
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    /** Counts a scheduled firing of {@code probe} that made no run. */
    public void missed(String probe, Missed reason) {
        missedCounter(probe, reason).increment();
    }

    private Counter missedCounter(String probe, Missed reason) {
        return missed.computeIfAbsent(probe + "/" + reason, k -> Counter.builder("stackratings.probe.schedule.missed")
                .description("Scheduled probe firings that made no run")
                .tags("probe", probe, "reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry));
    }
}
