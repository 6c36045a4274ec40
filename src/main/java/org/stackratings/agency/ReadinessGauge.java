package org.stackratings.agency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instance's readiness as a gauge, {@code stackratings_agency_ready}: 1 when every readiness check
 * ({@code /q/health/ready}: database, scheduler, probing, rating engine, …) is UP at the last refresh, 0 when one is
 * DOWN. Prometheus can then alert on readiness without probing the health endpoint itself.
 */
@ApplicationScoped
public class ReadinessGauge {

    private final SmallRyeHealthReporter health;
    private final AtomicInteger ready = new AtomicInteger();
    private final MeterRegistry registry;
    private final Gauge gauge;

    public ReadinessGauge(SmallRyeHealthReporter health, MeterRegistry registry) {
        this.health = health;
        this.registry = registry;
        this.gauge = Gauge.builder("stackratings.agency.ready", ready, AtomicInteger::get)
                .description("1 when every readiness check of this instance was UP at the last refresh, else 0")
                .register(registry);
    }

    void register(@Observes StartupEvent event, MeterRefresh refresh) {
        refresh.register("readiness", this::refresh);
    }

    /** Removes the gauge with the application, so that a registry that outlives it does not keep it (tests). */
    @PreDestroy
    void remove() {
        registry.remove(gauge);
    }

    void refresh() {
        ready.set(health.getReadiness().isDown() ? 0 : 1);
    }
}
