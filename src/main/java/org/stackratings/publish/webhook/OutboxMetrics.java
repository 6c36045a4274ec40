package org.stackratings.publish.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.stackratings.agency.MeterRefresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The webhook outbox's backlog, read from the database at every metrics refresh (one query on index
 * {@code webhook_delivery_due}): {@code stackratings_webhook_outbox_pending} (deliveries not yet delivered nor given
 * up, every subscription) and {@code stackratings_webhook_outbox_oldest_pending_seconds} (the age of the oldest
 * of them; 0 when there is none).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final EntityManager em;
    private final Clock clock;
    private volatile Backlog backlog = new Backlog(0, Duration.ZERO);
    private final MeterRegistry registry;
    private final java.util.List<Gauge> gauges;

    record Backlog(long pending, Duration oldest) {
    }

    public OutboxMetrics(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
        this.gauges = java.util.List.of(Gauge.builder("stackratings.webhook.outbox.pending", this, m -> m.backlog.pending())
                .description("Webhook deliveries waiting to be delivered or given up, every subscription")
                .register(registry),
                Gauge.builder("stackratings.webhook.outbox.oldest.pending", this, m -> m.backlog.oldest().toMillis() / 1000.0)
                .description("Age of the oldest webhook delivery still pending; 0 when none is")
                .baseUnit("seconds")
                .register(registry));
    }

    /** Removes the gauges with the application, so that a registry that outlives it does not keep them (tests). */
    @PreDestroy
    void remove() {
        gauges.forEach(registry::remove);
    }

    void register(@Observes StartupEvent event, MeterRefresh refresh) {
        refresh.register("webhook-outbox", () -> backlog = read());
    }

    Backlog read() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select count(*), min(created_at) from webhook_delivery where status = 'PENDING'").getSingleResult());
        long pending = ((Number) row[0]).longValue();
        Instant oldest = toInstant(row[1]);
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new Backlog(pending, age.isNegative() ? Duration.ZERO : age);
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected type for webhook_delivery.created_at: " + value.getClass());
    }
}
