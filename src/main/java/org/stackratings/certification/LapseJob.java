package org.stackratings.certification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Lapses certificates past expiry + grace, once per cluster (Quartz JDBC store), on the agency's clock. */
@ApplicationScoped
public class LapseJob {

    private final Certifier certifier;

    public LapseJob(Certifier certifier) {
        this.certifier = certifier;
    }

    @Scheduled(identity = "certification-lapse", every = "{stackratings.certification.lapse-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        certifier.lapseDue();
    }
}
