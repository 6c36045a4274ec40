package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.stackratings.agency.AgencyStart;
import org.stackratings.agency.HealthLog;
import org.stackratings.measurement.StoreActivity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Live and ready while the agency stores probe runs: DOWN when members have api probes scheduled but no measurement
 * (of any instance of the cluster) started within {@code stackratings.probe.stall-after}, and this instance has run
 * longer than that. Whatever broke (writers, scheduler, database, workers),
 * an agency that stores nothing must not look healthy. The database is asked at most every 15 s.
 */
@Liveness
@Readiness
@ApplicationScoped
public class ProbingHealthCheck implements HealthCheck {

    static final String NAME = "probe-runs-stored";
    private static final Duration RECHECK = Duration.ofSeconds(15);

    private final Scheduler quartz;
    private final StoreActivity activity;
    private final AgencyStart start;
    private final Duration stallAfter;
    private final Clock clock;
    private final HealthLog log = new HealthLog(ProbingHealthCheck.class, NAME);
    private volatile Checked last;

    private record Checked(Instant at, Optional<String> problem) {
    }

    public ProbingHealthCheck(Scheduler quartz, StoreActivity activity, AgencyStart start, ProbeConfig config, Clock clock) {
        this.quartz = quartz;
        this.activity = activity;
        this.start = start;
        this.stallAfter = config.stallAfter();
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        Checked checked = last;
        if (checked == null || Duration.between(checked.at(), now).compareTo(RECHECK) >= 0 || checked.problem().isPresent()) {
            checked = new Checked(now, problem(now));
            last = checked;
        }
        Optional<String> problem = log.report(checked.problem());
        return problem.map(p -> HealthCheckResponse.named(NAME).down().withData("reason", p).build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).up().withData("stallAfter", stallAfter.toString()).build());
    }

    private Optional<String> problem(Instant now) {
        if (Duration.between(start.startedAt(), now).compareTo(stallAfter) < 0) {
            return Optional.empty();
        }
        int jobs;
        try {
            jobs = quartz.getJobKeys(GroupMatcher.jobGroupEquals(ProbeScheduler.GROUP)).size();
        } catch (SchedulerException e) {
            return Optional.of("the Quartz job store cannot be read: " + e.getMessage());
        }
        if (jobs == 0) {
            return Optional.empty();
        }
        Optional<Instant> newest;
        try {
            newest = activity.newestMeasurement();
        } catch (RuntimeException e) {
            return Optional.of("the measurement store cannot be read: " + e.getMessage());
        }
        if (newest.isEmpty() || Duration.between(newest.get(), now).compareTo(stallAfter) > 0) {
            return Optional.of(jobs + " member(s) have api probes scheduled, but no measurement was stored since "
                    + newest.map(Instant::toString).orElse("ever") + " (more than " + stallAfter + ")");
        }
        return Optional.empty();
    }
}
