package org.stackratings.probe;

import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A firing more than half its interval late is skipped, so the next one keeps the cadence without a burst. */
class ProbeJobLatenessTest {

    private static final Instant DUE = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aFiringAtMostHalfAnIntervalLateRunsAndALaterOneIsSkipped() {
        Trigger every10s = TriggerBuilder.newTrigger()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInSeconds(10).repeatForever()).build();
        assertThat(ProbeJob.tooLate(every10s, DUE, DUE)).isFalse();
        assertThat(ProbeJob.tooLate(every10s, DUE, DUE.plusMillis(5_000))).isFalse();
        assertThat(ProbeJob.tooLate(every10s, DUE, DUE.plusMillis(5_001))).isTrue();
        assertThat(ProbeJob.tooLate(every10s, DUE, DUE.plusSeconds(40))).isTrue();
    }

    @Test
    void onlyRepeatingSimpleTriggersAreJudged() {
        Trigger once = TriggerBuilder.newTrigger().startNow().build();
        Trigger cron = TriggerBuilder.newTrigger().withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?")).build();
        assertThat(ProbeJob.tooLate(once, DUE, DUE.plusSeconds(3600))).isFalse();
        assertThat(ProbeJob.tooLate(cron, DUE, DUE.plusSeconds(3600))).isFalse();
    }
}
