package org.stackratings.publish.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.stackratings.agency.AgencyThreads;
import org.stackratings.publish.feed.FeedItem;
import org.stackratings.publish.feed.FeedService;
import org.stackratings.security.CredentialCipher;
import org.stackratings.security.CredentialDecryptionException;
import org.stackratings.web.ProblemException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Sends due outbox rows. A run claims up to {@code batch-size} due rows under a lease ({@code SELECT … FOR UPDATE
 * SKIP LOCKED}, then {@code lease_until}), sends each subscription's rows in feed order (subscriptions in parallel),
 * and records every outcome in its own transaction. A crash leaves rows claimed; when their lease expires the next
 * run sends them again, so every event is delivered at least once. After a failed attempt the rest of that
 * subscription's rows in the run wait as long as the failed one, so a receiver that is down gets one attempt per
 * back-off step, not one per event.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final EntityManager em;
    private final FeedService feed;
    private final EventFactory events;
    private final WebhookSender sender;
    private final TargetUrlPolicy policy;
    private final CredentialCipher cipher;
    private final DeliveryLedger ledger;
    private final WebhookConfig config;
    private final java.time.Clock clock;
    private final ExecutorService pool;

    public DeliveryWorker(EntityManager em, FeedService feed, EventFactory events, WebhookSender sender,
                          TargetUrlPolicy policy, CredentialCipher cipher, DeliveryLedger ledger, WebhookConfig config,
                          java.time.Clock clock, AgencyThreads threads) {
        this.em = em;
        this.clock = clock;
        this.feed = feed;
        this.events = events;
        this.sender = sender;
        this.policy = policy;
        this.cipher = cipher;
        this.ledger = ledger;
        this.config = config;
        this.oneSend = config.connectTimeout().plus(config.requestTimeout()).plus(LEASE_MARGIN);
        if (config.lease().compareTo(oneSend.multipliedBy(2)) < 0) {
            throw new IllegalStateException("stackratings.webhook.lease (" + config.lease() + ") must be at least twice"
                    + " connect-timeout + request-timeout + " + LEASE_MARGIN.toSeconds() + " s (" + oneSend.multipliedBy(2) + ")");
        }
        this.pool = threads.fixed("webhook-delivery", config.threads());
    }

    /** Time kept in hand at the end of a lease for waiting on the sender and recording the outcome. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(15);
    /** The longest one send and the recording of its outcome may take. */
    private final Duration oneSend;

    /** One claimed outbox row. */
    record Claimed(long id, UUID subscriptionId, long position) {
    }

    /** Claims, sends and records the due deliveries as of {@code now}; returns how many were attempted. */
    public int deliverDue(Instant now) {
        List<Claimed> claimed = claim(now);
        Map<UUID, List<Claimed>> bySubscription = new LinkedHashMap<>();
        claimed.forEach(c -> bySubscription.computeIfAbsent(c.subscriptionId(), k -> new ArrayList<>()).add(c));
        List<Future<Integer>> runs = new ArrayList<>();
        bySubscription.forEach((subscription, rows) -> runs.add(pool.submit(() -> deliver(subscription, rows, now))));
        int attempted = 0;
        for (Future<Integer> run : runs) {
            try {
                attempted += run.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("webhook delivery interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("webhook delivery failed", e.getCause());
            }
        }
        return attempted;
    }

    /** Reserves due rows for this run (a lease), in one short transaction; visible for tests of crash recovery. */
    List<Claimed> claim(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select id from webhook_delivery where status = 'PENDING' "
                            + "and next_attempt_at <= ?1 and (lease_until is null or lease_until <= ?1) "
                            + "order by next_attempt_at, id limit " + config.batchSize() + " for update skip locked")
                    .setParameter(1, now).getResultList();
            if (ids.isEmpty()) {
                return List.<Claimed>of();
            }
            List<WebhookDelivery> rows = WebhookDelivery.list("id in ?1 order by position", ids.stream().map(Number::longValue).toList());
            Instant leaseUntil = now.plus(config.lease());
            rows.forEach(r -> r.leaseUntil = leaseUntil);
            return rows.stream().map(r -> new Claimed(r.id, r.subscriptionId, r.position)).toList();
        });
    }

    private int deliver(UUID subscriptionId, List<Claimed> rows, Instant now) {
        Target target = QuarkusTransaction.requiringNew().call(() -> target(subscriptionId));
        if (target == null) {
            return 0; // deleted since the claim; its rows went with it
        }
        Map<Long, FeedItem> items = new LinkedHashMap<>();
        feed.at(rows.stream().map(Claimed::position).toList()).forEach(a -> items.put(a.sequence(), a));
        int attempted = 0;
        // the last moment a send may start and still be recorded within the claim's lease; rows left then wait for
        // the lease to expire and are claimed again, so no other run sends them while this one still might
        Instant lastStart = now.plus(config.lease()).minus(oneSend);
        for (int i = 0; i < rows.size(); i++) {
            if (clock.instant().isAfter(lastStart)) {
                LOG.debugf("Webhook %s: the claim's lease runs out; %d events are left for the next run",
                        subscriptionId, rows.size() - i);
                return attempted;
            }
            Claimed row = rows.get(i);
            WebhookSender.Outcome outcome = send(target, items.get(row.position()));
            if (outcome.interrupted()) {
                return attempted;
            }
            attempted++;
            Instant retryAt = ledger.record(row.id(), outcome, now);
            if (!outcome.delivered()) {
                List<Claimed> rest = rows.subList(i + 1, rows.size());
                ledger.postpone(rest.stream().map(Claimed::id).toList(), retryAt, outcome, now);
                LOG.debugf("Webhook %s: %s; %d more events wait until %s", subscriptionId, outcome.describe(), rest.size(), retryAt);
                return attempted;
            }
        }
        return attempted;
    }

    private record Target(String url, String secret) {
        @Override
        public String toString() {
            return "Target[" + url + ", secret=***]";
        }
    }

    /** The subscription's URL and secret; {@code secret} is null when it cannot be decrypted (the agency's key changed). */
    private Target target(UUID subscriptionId) {
        Subscription s = Subscription.findById(subscriptionId);
        if (s == null) {
            return null;
        }
        try {
            return new Target(s.targetUrl, cipher.decrypt(s.secretEncrypted, SubscriptionService.secretOwner(s.id)));
        } catch (CredentialDecryptionException e) {
            LOG.errorf("Webhook %s: its secret cannot be decrypted (%s); its events are not sent", subscriptionId, e.getMessage());
            return new Target(s.targetUrl, null);
        }
    }

    private WebhookSender.Outcome send(Target target, FeedItem item) {
        if (target.secret() == null) {
            return new WebhookSender.Outcome(null, "the agency cannot sign: the subscription's secret does not decrypt; subscribe again");
        }
        URI uri;
        try {
            uri = policy.check(target.url());
        } catch (ProblemException e) {
            return new WebhookSender.Outcome(null, "target refused: " + e.getMessage());
        }
        byte[] body = events.body(item);
        Signature signature = Signature.sign(target.secret(), clock.instant().getEpochSecond(), body);
        return sender.send(uri, body, signature, EventFactory.eventId(item));
    }

}
