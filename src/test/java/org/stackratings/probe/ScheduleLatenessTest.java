package org.stackratings.probe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleLatenessTest {

    private static final Instant DUE = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void recordsHowLateEachProbeStartsAndNeverBelowZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScheduleLateness lateness = new ScheduleLateness(registry);
        lateness.record("api", DUE, DUE.plusMillis(1500));
        lateness.record("api", DUE, DUE.minusMillis(2)); // Quartz may fire a little early
        lateness.record("lifecycle", DUE, DUE.plusSeconds(3));

        var api = registry.get("stackratings.probe.schedule.lateness").tag("probe", "api").timer();
        assertThat(api.count()).isEqualTo(2);
        assertThat(api.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(registry.get("stackratings.probe.schedule.lateness").tag("probe", "lifecycle").timer()
                .max(TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void countsFiringsThatMadeNoRunByReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScheduleLateness lateness = new ScheduleLateness(registry);
        lateness.missed("api", ScheduleLateness.Missed.LATE);
        lateness.missed("api", ScheduleLateness.Missed.LATE);
        lateness.missed("api", ScheduleLateness.Missed.OVERLOADED);

        assertThat(registry.get("stackratings.probe.schedule.missed").tags("probe", "api", "reason", "late").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("stackratings.probe.schedule.missed").tags("probe", "api", "reason", "overloaded").counter().count())
                .isEqualTo(1);
    }

    @Test
    void quartzMisfiresOfProbeTriggersAreCountedByProbe() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProbeMisfires misfires = new ProbeMisfires(new ScheduleLateness(registry));
        misfires.triggerMisfired(org.quartz.TriggerBuilder.newTrigger().withIdentity("aurora", ProbeScheduler.group("compliance")).build());
        misfires.triggerMisfired(org.quartz.TriggerBuilder.newTrigger().withIdentity("retention", "other-jobs").build());

        assertThat(registry.get("stackratings.probe.schedule.missed").tags("probe", "compliance", "reason", "misfired")
                .counter().count()).isEqualTo(1);
        assertThat(registry.find("stackratings.probe.schedule.missed").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum())
                .as("the other job's misfire is not a probe's").isEqualTo(1);
    }

    @Test
    void everyProbeAndReasonIsCountedFromZeroBeforeAnyMiss() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ScheduleLateness(registry);

        var counters = registry.find("stackratings.probe.schedule.missed").counters();
        assertThat(counters).hasSize(ProbeScheduler.PROBES.size() * ScheduleLateness.Missed.values().length)
                .allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(registry.get("stackratings.probe.schedule.missed").tags("probe", "conformance", "reason", "misfired")
                .counter().count()).isZero();
    }
}
