package org.stackratings.measurement;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.stackratings.agency.MeterRefresh;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the newest stored measurement started, by any instance, as {@code stackratings_measurement_newest_timestamp_seconds}
 * (Unix seconds; NaN while nothing is stored). {@code time() - } this is how long the whole agency has stored no run.
 */
@ApplicationScoped
public class StoreActivityGauge {

    private final StoreActivity activity;
    private final AtomicReference<Instant> newest = new AtomicReference<>();
    private final MeterRegistry registry;
    private final Gauge gauge;

    public StoreActivityGauge(StoreActivity activity, MeterRegistry registry) {
        this.activity = activity;
        this.registry = registry;
        this.gauge = Gauge.builder("stackratings.measurement.newest.timestamp", newest, StoreActivityGauge::seconds)
                .description("When the newest stored measurement started (by any instance), in Unix seconds")
                .baseUnit("seconds")
                .register(registry);
    }

    void register(@Observes StartupEvent event, MeterRefresh refresh) {
        refresh.register("store-activity", () -> newest.set(activity.newestMeasurement().orElse(null)));
    }

    /** Removes the gauge with the application, so that a registry that outlives it does not keep it (tests). */
    @PreDestroy
    void remove() {
        registry.remove(gauge);
    }

    private static double seconds(AtomicReference<Instant> value) {
        Instant at = value.get();
        return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
    }
}
