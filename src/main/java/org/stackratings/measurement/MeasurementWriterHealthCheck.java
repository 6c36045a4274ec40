package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.stackratings.agency.HealthLog;

import java.util.Optional;

/**
 * Live and ready while the measurement writers run: DOWN (liveness too, so a supervisor restarts the instance) when a
 * writer died or a run waits for one longer than a minute.
 */
@Liveness
@Readiness
@ApplicationScoped
public class MeasurementWriterHealthCheck implements HealthCheck {

    static final String NAME = "measurement-writers";

    private final RunWriter writer;
    private final HealthLog log = new HealthLog(MeasurementWriterHealthCheck.class, NAME);

    MeasurementWriterHealthCheck(RunWriter writer) {
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = log.report(writer.problem());
        return problem.map(p -> HealthCheckResponse.named(NAME).down().withData("reason", p).build())
                .orElseGet(() -> HealthCheckResponse.up(NAME));
    }
}
