package org.stackratings.probe;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.stackratings.measurement.RunTrigger;

/** Quartz job: one scheduled run of the api probe against the member named in the job data. */
@ApplicationScoped
@Unremovable
@DisallowConcurrentExecution
public class ApiProbeJob implements Job {

    static final String MEMBER = "member";
    private static final Logger LOG = Logger.getLogger(ApiProbeJob.class);

    private final ProbeRunner runner;

    public ApiProbeJob(ProbeRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String slug = context.getMergedJobDataMap().getString(MEMBER);
        try {
            if (runner.runApiProbe(slug, RunTrigger.SCHEDULED).isEmpty()) {
                LOG.infof("Member %s is gone; its api probe job will be removed at the next schedule sync", slug);
            }
        } catch (RuntimeException e) {
            // The agency's own failure (its database, most likely): log it; the missing run lowers coverage, not the rating.
            LOG.errorf(e, "Scheduled api probe of %s could not be recorded", slug);
        }
    }
}
