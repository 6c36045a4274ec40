package org.stackratings.probe;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Quartz job: one scheduled run of one probe against the member named in the job data. */
@ApplicationScoped
@Unremovable
@DisallowConcurrentExecution
public class ProbeJob implements Job {

    static final String MEMBER = "member";
    static final String PROBE = "probe";
    private static final Logger LOG = Logger.getLogger(ProbeJob.class);

    private final ProbeRunner runner;
    private final ScheduleLateness lateness;
    private final Clock clock;

    public ProbeJob(ProbeRunner runner, ScheduleLateness lateness, Clock clock) {
        this.runner = runner;
        this.lateness = lateness;
        this.clock = clock;
    }

    static boolean tooLate(Trigger trigger, Instant due, Instant now) {
        if (!(trigger instanceof SimpleTrigger simple) || simple.getRepeatInterval() <= 0) {
            return false;
        }
        return Duration.between(due, now).toMillis() > simple.getRepeatInterval() / 2;
    }

    /**
     * Runs the firing, unless it comes more than half its interval late: then it is skipped and the next firing keeps
     * the cadence. Quartz replays firings that are less than its misfire threshold (60 s) late one after another,
     * for instance after a survivor takes over the triggers of a dead instance; without this a member would be probed
     * in a burst.
     */
    @Override
    public void execute(JobExecutionContext context) {
        String slug = context.getMergedJobDataMap().getString(MEMBER);
        String probe = context.getMergedJobDataMap().getString(PROBE);
        Instant due = context.getScheduledFireTime().toInstant();
        if (tooLate(context.getTrigger(), due, clock.instant())) {
            lateness.missed(probe, ScheduleLateness.Missed.LATE);
            LOG.infof("Skipped the %s run of %s due at %s: more than half an interval late", probe, slug, due);
            return;
        }
        try {
            if (runner.runScheduled(probe, slug, due).isEmpty()) {
                LOG.infof("No %s run for %s (member gone, or a run is still in flight)", probe, slug);
            }
        } catch (RuntimeException e) {
            // The agency's own failure (its database, most likely): the missing run lowers coverage, not the rating.
            LOG.errorf(e, "Scheduled %s probe of %s could not be recorded", probe, slug);
        }
    }
}
