package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.publish.feed.FeedCursor;
import org.stackratings.publish.feed.FeedSequencer;
import org.stackratings.security.CredentialCipher;
import org.stackratings.web.ProblemException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions. Each belongs to the API key that created it: an exchange sees and deletes only its own,
 * an admin all of them. A new subscription receives every rating action that enters the feed after it.
 */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    /** Who asks: the API key's principal name, and whether it is an admin. */
    public record Caller(String name, boolean admin) {
    }

    private final TargetUrlPolicy policy;
    private final FeedSequencer sequencer;
    private final CredentialCipher cipher;
    private final Clock clock;
    private final int maxPerKey;
    private final SecureRandom random = new SecureRandom();

    public SubscriptionService(TargetUrlPolicy policy, FeedSequencer sequencer, CredentialCipher cipher, Clock clock,
                               WebhookConfig config) {
        this.policy = policy;
        this.sequencer = sequencer;
        this.cipher = cipher;
        this.clock = clock;
        this.maxPerKey = config.maxSubscriptionsPerKey();
    }

    /** What the cipher binds a secret to, so a ciphertext copied to another subscription does not decrypt. */
    static String secretOwner(UUID id) {
        return "webhook:" + id;
    }

    public SubscriptionCreated create(Caller caller, SubscriptionRequest request) {
        String target = policy.check(request.targetUrl()).toString();
        if (Subscription.count("owner", caller.name()) >= maxPerKey) {
            throw ProblemException.conflict("this API key has " + maxPerKey + " subscriptions already; delete one first");
        }
        String secret = request.secret() != null ? request.secret() : generateSecret();
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.owner = caller.name();
        s.targetUrl = target;
        s.description = request.description();
        s.secretEncrypted = cipher.encrypt(secret, secretOwner(s.id));
        s.createdAt = clock.instant();
        // Holding the sequencer's lock, no position is handed out until this commits: the subscription gets exactly
        // the positions after this one (the outbox query relies on start_position).
        s.startPosition = sequencer.lockHead();
        s.persist();
        return new SubscriptionCreated(view(s), secret);
    }

    public List<SubscriptionView> list(Caller caller, int offset, int size) {
        var query = caller.admin() ? Subscription.<Subscription>find("order by createdAt, id")
                : Subscription.<Subscription>find("owner = ?1 order by createdAt, id", caller.name());
        return query.range(offset, offset + size - 1).list().stream().map(this::view).toList();
    }

    public long count(Caller caller) {
        return caller.admin() ? Subscription.count() : Subscription.count("owner", caller.name());
    }

    public Optional<SubscriptionView> find(Caller caller, UUID id) {
        return owned(caller, id).map(this::view);
    }

    public boolean delete(Caller caller, UUID id) {
        return owned(caller, id).map(s -> {
            s.delete();
            return true;
        }).orElse(false);
    }

    /** A subscription's deliveries, newest first, optionally of one status; empty when the caller may not see it. */
    public Optional<List<DeliveryView>> deliveries(Caller caller, UUID id, DeliveryStatus status, int offset, int size) {
        return owned(caller, id).map(s -> {
            var query = WebhookDelivery.getEntityManager().createQuery(
                    "select d, f.actionId, f.certificationEventId from WebhookDelivery d, FeedEntry f where f.position = d.position "
                            + "and d.subscriptionId = :id" + (status == null ? "" : " and d.status = :status")
                            + " order by d.position desc", Object[].class).setParameter("id", id);
            if (status != null) {
                query.setParameter("status", status);
            }
            return query.setFirstResult(offset).setMaxResults(size).getResultList().stream()
                    .map(row -> view((WebhookDelivery) row[0], (Long) row[1], (Long) row[2])).toList();
        });
    }

    public long countDeliveries(UUID id, DeliveryStatus status) {
        return status == null ? WebhookDelivery.count("subscriptionId", id)
                : WebhookDelivery.count("subscriptionId = ?1 and status = ?2", id, status);
    }

    private Optional<Subscription> owned(Caller caller, UUID id) {
        return Subscription.<Subscription>findByIdOptional(id).filter(s -> caller.admin() || s.owner.equals(caller.name()));
    }

    private SubscriptionView view(Subscription s) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        WebhookDelivery.getEntityManager().createQuery(
                        "select d.status, count(d) from WebhookDelivery d where d.subscriptionId = :id group by d.status", Object[].class)
                .setParameter("id", s.id).getResultList()
                .forEach(row -> counts.put((DeliveryStatus) row[0], (Long) row[1]));
        DeliveryView lastFailure = WebhookDelivery.getEntityManager().createQuery(
                        "select d, f.actionId, f.certificationEventId from WebhookDelivery d, FeedEntry f where f.position = d.position "
                                + "and d.subscriptionId = :id and d.lastError is not null and d.lastAttemptAt is not null "
                                + "order by d.lastAttemptAt desc, d.position desc",
                        Object[].class)
                .setParameter("id", s.id).setMaxResults(1).getResultList().stream()
                .map(row -> view((WebhookDelivery) row[0], (Long) row[1], (Long) row[2])).findFirst().orElse(null);
        return new SubscriptionView(s.id, s.targetUrl, s.description, s.owner, s.createdAt,
                new FeedCursor(s.startPosition).encode(),
                new SubscriptionView.Counts(counts.getOrDefault(DeliveryStatus.PENDING, 0L),
                        counts.getOrDefault(DeliveryStatus.DELIVERED, 0L), counts.getOrDefault(DeliveryStatus.FAILED, 0L)),
                lastFailure);
    }

    private static DeliveryView view(WebhookDelivery d, Long actionId, Long certificationEventId) {
        return new DeliveryView(EventFactory.eventId(actionId, certificationEventId), d.position, d.status, d.attempts, d.createdAt,
                d.lastAttemptAt, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.lastStatusCode,
                d.lastError, d.finishedAt);
    }

    private String generateSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
