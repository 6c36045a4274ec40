package org.stackratings.publish.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gives committed rating actions and certification events their feed positions (both are sequenced alike, each with
 * its own {@code scan_from} and checkpoint id; the checkpoint's time is shared). The rating engine inserts actions from several concurrent
 * transactions, so an action with a lower id can commit after one with a higher id; a feed read by {@code id >
 * cursor} would skip it. Instead, this single writer (the {@code feed_sequencer} row lock) takes every committed
 * action that has no position yet and numbers it after the last position handed out. A position therefore exists
 * only for a committed action, positions have no gaps, and a position becomes visible only after every smaller one:
 * reading {@code position > cursor} misses and repeats nothing.
 *
 * <p>Finding the unsequenced actions is an anti-join; so that it does not scan the whole history on every run, it
 * starts above {@code scan_from}: every id up to it is sequenced or will never commit. Each run that finds nothing
 * left records a checkpoint, the highest committed id it sees. Every lower id was allocated before, by a transaction
 * that ends within the transaction timeout; so once {@code settle} (longer than that timeout) has passed, the
 * checkpoint becomes {@code scan_from}. Every {@code full-scan-interval} a run starts from 0 anyway, so even an
 * action whose transaction outlived every timeout is published (late, but once).
 */
@ApplicationScoped
public class FeedSequencer {

    private final EntityManager em;
    private final Event<FeedEntriesAppended> appended;
    private final Clock clock;
    private final int batchSize;
    private final Duration settle;
    private final Duration fullScanInterval;

    @Inject
    public FeedSequencer(EntityManager em, Event<FeedEntriesAppended> appended, Clock clock, FeedConfig config,
                         @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60s")
                         Duration transactionTimeout) {
        if (config.settle().compareTo(transactionTimeout) <= 0) {
            throw new IllegalStateException("stackratings.feed.settle (" + config.settle()
                    + ") must be longer than the transaction timeout (" + transactionTimeout + ")");
        }
        this.em = em;
        this.appended = appended;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.settle = config.settle();
        this.fullScanInterval = config.fullScanInterval();
    }

    /** Sequences every committed action and certification event that has no position yet, a batch per transaction; returns how many. */
    public int sequenceAll() {
        return sequenceAll(clock.instant());
    }

    /** {@link #sequenceAll()} as of {@code now} (tests move time on). */
    public int sequenceAll(Instant now) {
        int total = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> sequenceBatch(now));
            total += batch.size();
        } while (batch.full());
        return total;
    }

    /** What one transaction sequenced; {@code full} when either kind filled its batch (more may be left). */
    private record Batch(int size, boolean full) {
    }

    private Batch sequenceBatch(Instant now) {
        SequencerState state = lock();
        boolean fullScan = state.fullScanAt == null || !state.fullScanAt.plus(fullScanInterval).isAfter(now);
        List<Long> actions = unsequenced("rating_action", "action_id", fullScan ? 0L : state.scanFrom);
        List<Long> certifications = unsequenced("certification_event", "certification_event_id",
                fullScan ? 0L : state.certificationScanFrom);
        if (!actions.isEmpty() || !certifications.isEmpty()) {
            append(state, actions, certifications, now);
        }
        boolean full = actions.size() == batchSize || certifications.size() == batchSize;
        if (!full) {
            settle(state, fullScan, now);
        }
        return new Batch(actions.size() + certifications.size(), full);
    }

    private List<Long> unsequenced(String table, String column, long above) {
        return em.createNativeQuery("select a.id from " + table + " a where a.id > ?1 and not exists "
                        + "(select 1 from feed_entry f where f." + column + " = a.id) order by a.id", Long.class)
                .setParameter(1, above)
                .setMaxResults(batchSize).getResultList();
    }

    private void append(SequencerState state, List<Long> actions, List<Long> certifications, Instant now) {
        long first = state.lastPosition + 1;
        for (Long id : actions) {
            FeedEntry entry = new FeedEntry();
            entry.position = ++state.lastPosition;
            entry.actionId = id;
            entry.sequencedAt = now;
            em.persist(entry);
        }
        for (Long id : certifications) {
            FeedEntry entry = new FeedEntry();
            entry.position = ++state.lastPosition;
            entry.certificationEventId = id;
            entry.sequencedAt = now;
            em.persist(entry);
        }
        em.flush();
        appended.fire(new FeedEntriesAppended(first, state.lastPosition, now));
    }

    /** Everything committed above where this run looked is sequenced: move the settled ids and the checkpoint on. */
    private void settle(SequencerState state, boolean fullScan, Instant now) {
        if (fullScan) {
            state.fullScanAt = now;
        }
        if (state.checkpointAt != null && state.checkpointAt.plus(settle).isAfter(now)) {
            return;
        }
        state.scanFrom = Math.max(state.scanFrom, state.checkpointId);
        state.certificationScanFrom = Math.max(state.certificationScanFrom, state.certificationCheckpointId);
        state.checkpointId = maxId("rating_action");
        state.certificationCheckpointId = maxId("certification_event");
        state.checkpointAt = now;
    }

    private long maxId(String table) {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from " + table).getSingleResult()).longValue();
    }

    private SequencerState lock() {
        return em.find(SequencerState.class, 1, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks the sequencer row until the caller's transaction ends and returns the last position handed out; while
     * the lock is held no position is assigned (a new webhook subscription uses this to know where it starts).
     */
    public long lockHead() {
        return lock().lastPosition;
    }
}
