package org.stackratings.agency;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Instant;

/** When this instance started: health checks give the agency that long before they expect work to show. */
@ApplicationScoped
public class AgencyStart {

    private final Clock clock;
    private volatile Instant startedAt;

    public AgencyStart(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    void started(@Observes StartupEvent event) {
        startedAt = clock.instant();
    }

    public Instant startedAt() {
        return startedAt;
    }
}
