package org.stackratings.publish.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes what happened to deliveries, each call in its own transaction: delivered, retried after a back-off with
 * jitter, or given up once the next attempt would fall after {@code created_at + give-up-after}. Counts the attempts
 * ({@code stackratings_webhook_attempts_total{outcome="delivered"|"failed"}}) and the deliveries given up
 * ({@code stackratings_webhook_given_up_total}); made at start, so the counters exist at 0 before the first attempt.
 */
@Startup
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    private static final int MAX_ERROR = 500;

    private final Backoff backoff;
    private final Duration giveUpAfter;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Counter delivered;
    private final Counter failed;
    private final Counter givenUp;

    public DeliveryLedger(WebhookConfig config, MeterRegistry registry) {
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.giveUpAfter = config.giveUpAfter();
        this.delivered = attempts(registry, "delivered");
        this.failed = attempts(registry, "failed");
        this.givenUp = Counter.builder("stackratings.webhook.given.up")
                .description("Webhook deliveries given up after give-up-after without a 2xx answer")
                .register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("stackratings.webhook.attempts")
                .description("Webhook delivery attempts by outcome (delivered: a 2xx answer; failed: anything else)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Records one attempt; returns when the event would be tried again (even when it was just given up). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant record(long id, WebhookSender.Outcome outcome, Instant now) {
        WebhookDelivery d = WebhookDelivery.findById(id);
        if (d == null || d.status != DeliveryStatus.PENDING) {
            return now; // the subscription was deleted, or a second sender (expired lease) finished it first
        }
        d.attempts++;
        d.lastAttemptAt = now;
        d.lastStatusCode = outcome.status();
        d.leaseUntil = null;
        (outcome.delivered() ? delivered : failed).increment();
        if (outcome.delivered()) {
            d.status = DeliveryStatus.DELIVERED;
            d.finishedAt = now;
            d.lastError = null;
            return now;
        }
        d.lastError = truncate(outcome.describe());
        Instant retryAt = now.plus(backoff.delay(d.attempts, random));
        reschedule(d, retryAt, now);
        return retryAt;
    }

    /** After a failed attempt: the subscription's other claimed rows wait until {@code retryAt} too (no attempt counted). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postpone(List<Long> ids, Instant retryAt, WebhookSender.Outcome cause, Instant now) {
        for (Long id : ids) {
            WebhookDelivery d = WebhookDelivery.findById(id);
            if (d == null || d.status != DeliveryStatus.PENDING) {
                continue;
            }
            d.leaseUntil = null;
            if (d.lastError == null) {
                d.lastError = truncate("not sent yet: an earlier event failed (" + cause.describe() + ")");
            }
            reschedule(d, d.nextAttemptAt.isAfter(retryAt) ? d.nextAttemptAt : retryAt, now);
        }
    }

    /** Waits until {@code retryAt}, or gives the delivery up when that is past its deadline. */
    private void reschedule(WebhookDelivery d, Instant retryAt, Instant now) {
        if (retryAt.isAfter(d.createdAt.plus(giveUpAfter))) {
            d.status = DeliveryStatus.FAILED;
            d.finishedAt = now;
            givenUp.increment();
            LOG.infof("Webhook %s gave up on feed position %d after %d attempt(s) over %s: %s", d.subscriptionId,
                    d.position, d.attempts, Duration.between(d.createdAt, now), d.lastError);
        } else {
            d.nextAttemptAt = retryAt;
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
