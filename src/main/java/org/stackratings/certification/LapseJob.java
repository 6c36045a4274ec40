package org.stackratings.certification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies conformance runs stored but not applied yet, then lapses certificates past expiry + grace; once per cluster
 * (Quartz JDBC store), on the agency's clock.
 */
@ApplicationScoped
public class LapseJob {

    /** Runs applied per job run at most: more wait for the next (normally there are none). */
    static final int CATCH_UP_BATCH = 100;

    private final Certifier certifier;

    public LapseJob(Certifier certifier) {
        this.certifier = certifier;
    }

    @Scheduled(identity = "certification-lapse", every = "{stackratings.certification.lapse-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        certifier.catchUp(CATCH_UP_BATCH);
        certifier.lapseDue();
    }
}
