package org.stackratings.probe;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz job: one scheduled run of one probe against the member named in the job data. */
@ApplicationScoped
@Unremovable
@DisallowConcurrentExecution
public class ProbeJob implements Job {

    static final String MEMBER = "member";
    static final String PROBE = "probe";
    private static final Logger LOG = Logger.getLogger(ProbeJob.class);

    private final ProbeRunner runner;

    public ProbeJob(ProbeRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String slug = context.getMergedJobDataMap().getString(MEMBER);
        String probe = context.getMergedJobDataMap().getString(PROBE);
        try {
            java.time.Instant due = context.getScheduledFireTime().toInstant();
            if (runner.runScheduled(probe, slug, due).isEmpty()) {
                LOG.infof("No %s run for %s (member gone, or a run is still in flight)", probe, slug);
            }
        } catch (RuntimeException e) {
            // The agency's own failure (its database, most likely): the missing run lowers coverage, not the rating.
            LOG.errorf(e, "Scheduled %s probe of %s could not be recorded", probe, slug);
        }
    }
}
