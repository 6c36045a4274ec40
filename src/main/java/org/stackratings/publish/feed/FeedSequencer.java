package org.stackratings.publish.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Gives committed rating actions their feed positions. The rating engine inserts actions from several concurrent
 * transactions, so an action with a lower id can commit after one with a higher id; a feed read by {@code id >
 * cursor} would skip it. Instead, this single writer (the {@code feed_sequencer} row lock) takes every committed
 * action that has no position yet and numbers it after the last position handed out. A position therefore exists
 * only for a committed action, positions have no gaps, and a position becomes visible only after every smaller one:
 * reading {@code position > cursor} misses and repeats nothing.
 */
@ApplicationScoped
public class FeedSequencer {

    private final EntityManager em;
    private final Event<FeedEntriesAppended> appended;
    private final Clock clock;
    private final int batchSize;

    public FeedSequencer(EntityManager em, Event<FeedEntriesAppended> appended, Clock clock, FeedConfig config) {
        this.em = em;
        this.appended = appended;
        this.clock = clock;
        this.batchSize = config.batchSize();
    }

    /** Sequences every committed action that has no position yet, a batch per transaction; returns how many. */
    public int sequenceAll() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> sequenceBatch(clock.instant()));
            total += batch;
        } while (batch == batchSize);
        return total;
    }

    private int sequenceBatch(Instant now) {
        long last = lockHead();
        List<Long> ids = em.createNativeQuery("select a.id from rating_action a where not exists "
                        + "(select 1 from feed_entry f where f.action_id = a.id) order by a.id", Long.class)
                .setMaxResults(batchSize).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        long first = last + 1;
        for (Long id : ids) {
            FeedEntry entry = new FeedEntry();
            entry.position = ++last;
            entry.actionId = id;
            entry.sequencedAt = now;
            em.persist(entry);
        }
        em.createNativeQuery("update feed_sequencer set last_position = ?1 where id = 1").setParameter(1, last).executeUpdate();
        em.flush();
        appended.fire(new FeedEntriesAppended(first, last, now));
        return ids.size();
    }

    /**
     * Locks the sequencer row until the caller's transaction ends and returns the last position handed out; while
     * the lock is held no position is assigned (a new webhook subscription uses this to know where it starts).
     */
    public long lockHead() {
        return ((Number) em.createNativeQuery("select last_position from feed_sequencer where id = 1 for update")
                .getSingleResult()).longValue();
    }
}
