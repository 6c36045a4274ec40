package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.stackratings.agency.HealthLog;

import java.util.Optional;

/**
 * Live and ready when the Quartz scheduler runs (started, not in standby, not shut down), its own threads are alive
 * ({@link QuartzThreads}) and it can read its job store.
 */
@Liveness
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

    static final String NAME = "probe-scheduler";

    private final Scheduler quartz;
    private final HealthLog log = new HealthLog(SchedulerHealthCheck.class, NAME);

    public SchedulerHealthCheck(Scheduler quartz) {
        this.quartz = quartz;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Optional<String> problem;
        try {
            boolean clustered = quartz.getMetaData().isJobStoreClustered();
            response.withData("schedulerName", quartz.getSchedulerName())
                    .withData("instanceId", quartz.getSchedulerInstanceId())
                    .withData("clustered", clustered)
                    .withData("probeJobs", quartz.getJobKeys(GroupMatcher.jobGroupEquals(ProbeScheduler.GROUP)).size());
            if (quartz.isShutdown()) {
                problem = Optional.of("the Quartz scheduler is shut down");
            } else if (!quartz.isStarted() || quartz.isInStandbyMode()) {
                problem = Optional.of("the Quartz scheduler is not running (not started, or in standby)");
            } else {
                problem = QuartzThreads.missing(quartz.getSchedulerName(), clustered, Thread.getAllStackTraces().keySet());
            }
        } catch (SchedulerException e) {
            problem = Optional.of("the Quartz job store cannot be read: " + e.getMessage());
        }
        log.report(problem);
        return problem.map(p -> response.down().withData("reason", p).build()).orElseGet(() -> response.up().build());
    }
}
