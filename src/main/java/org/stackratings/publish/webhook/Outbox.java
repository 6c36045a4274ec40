package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.stackratings.publish.feed.FeedEntriesAppended;

/**
 * Fills the webhook outbox in the sequencer's own transaction: a feed position and its deliveries commit together,
 * so an action can never be in the feed without being queued for every subscription that existed at the time.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    void enqueue(@Observes FeedEntriesAppended appended) {
        em.createNativeQuery("insert into webhook_delivery (subscription_id, position, status, attempts, next_attempt_at, created_at) "
                        + "select s.id, f.position, 'PENDING', 0, ?1, ?1 from webhook_subscription s cross join feed_entry f "
                        + "where f.position between ?2 and ?3 and f.position > s.start_position")
                .setParameter(1, appended.at())
                .setParameter(2, appended.first())
                .setParameter(3, appended.last())
                .executeUpdate();
    }
}
