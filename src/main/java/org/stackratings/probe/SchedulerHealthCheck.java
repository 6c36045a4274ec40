package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Ready when the Quartz scheduler runs (not in standby) and can read its job store. */
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

    private final Scheduler quartz;

    public SchedulerHealthCheck(Scheduler quartz) {
        this.quartz = quartz;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            boolean running = quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
            return HealthCheckResponse.named("probe-scheduler")
                    .status(running)
                    .withData("schedulerName", quartz.getSchedulerName())
                    .withData("instanceId", quartz.getSchedulerInstanceId())
                    .withData("clustered", quartz.getMetaData().isJobStoreClustered())
                    .withData("probeJobs", quartz.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(ProbeScheduler.GROUP)).size())
                    .build();
        } catch (SchedulerException e) {
            return HealthCheckResponse.named("probe-scheduler").down().withData("error", e.getMessage()).build();
        }
    }
}
