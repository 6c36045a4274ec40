package org.stackratings.openstack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.stackratings.openstack.http.CallObserver;

/**
 * Which member clouds left the agency's calls unanswered (no answer in time, or no connection) and when, across every
 * session of every probe. One cloud falling silent is that cloud's failure; many independent clouds falling silent in
 * the same seconds point at the agency's own side (its uplink, its resolver, its overload), and the silence is not
 * counted against the member (docs/architecture.md, "Agency faults"). The census keeps ten-second slots over the last
 * hour, one bit per cloud (by auth URL) per slot: a few hundred kilobytes for 10,000 members.
 */
@ApplicationScoped
public class SilenceCensus {

    /** Fewest silent clouds (the one asking included) that can be the agency's fault. */
    public static final int MIN_SILENT_CLOUDS = 5;
    /** Smallest share of the clouds called in the period that must have been silent too. */
    public static final double MIN_SILENT_SHARE = 0.25;
    static final Duration SLOT = Duration.ofSeconds(10);
    /** How long after the calls in flight at a silence have ended the census can judge it (one slot). */
    public static final Duration SETTLE = SLOT;
    private static final int SLOTS = 360;
    private static final int MAX_CLOUDS = 100_000;
    private static final Logger LOG = Logger.getLogger(SilenceCensus.class);

    private final Clock clock;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Slot[] slots = new Slot[SLOTS];

    @Inject
    public SilenceCensus(Clock clock) {
        this.clock = clock;
    }

    /** What the census hears of one cloud's calls: {@link org.stackratings.openstack.http.BoundedClient}'s observer for sessions with that cloud. */
    public CallObserver observerOf(String cloud) {
        return new CallObserver() {
            @Override
            public void answered() {
                note(cloud, false);
            }

            @Override
            public void unanswered() {
                note(cloud, true);
            }
        };
    }

    /**
     * Empty when {@code cloud}'s silence between {@code from} and {@code to} is its own; otherwise why it is likely
     * the agency's: at least {@link #MIN_SILENT_CLOUDS} clouds, and at least {@link #MIN_SILENT_SHARE} of those the
     * agency called in the period (one slot either side), went unanswered then. A member cannot make its own silence
     * excused without silencing a quarter of the other members too.
     */
    public synchronized Optional<String> agencySide(String cloud, Instant from, Instant to) {
        long first = slotOf(from) - 1;
        long last = slotOf(to) + 1;
        BitSet called = new BitSet();
        BitSet silent = new BitSet();
        for (long index = first; index <= last; index++) {
            Slot slot = slots[(int) Math.floorMod(index, SLOTS)];
            if (slot != null && slot.index == index) {
                called.or(slot.called);
                silent.or(slot.silent);
            }
        }
        Integer self = ids.get(cloud);
        if (self != null) {
            silent.set(self);
            called.set(self);
        }
        // the cloud asking was silent, whether or not the census heard its call
        int silentClouds = silent.cardinality() + (self == null ? 1 : 0);
        int calledClouds = called.cardinality() + (self == null ? 1 : 0);
        if (silentClouds < MIN_SILENT_CLOUDS || silentClouds < MIN_SILENT_SHARE * calledClouds) {
            return Optional.empty();
        }
        return Optional.of(silentClouds + " of the " + calledClouds + " member clouds the agency called between "
                + from + " and " + to + " left calls unanswered: the agency's own network or load, not this member");
    }

    private synchronized void note(String cloud, boolean unanswered) {
        long index = slotOf(clock.instant());
        int position = (int) Math.floorMod(index, SLOTS);
        Slot slot = slots[position];
        if (slot == null || slot.index != index) {
            slot = new Slot(index);
            slots[position] = slot;
        }
        Integer id = ids.get(cloud);
        if (id == null) {
            if (ids.size() >= MAX_CLOUDS) {
                LOG.warnf("The silence census has seen %d clouds; it starts afresh", ids.size());
                ids.clear();
                Arrays.fill(slots, null);
                slot = new Slot(index);
                slots[position] = slot;
            }
            id = ids.size();
            ids.put(cloud, id);
        }
        slot.called.set(id);
        if (unanswered) {
            slot.silent.set(id);
        }
    }

    private static long slotOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), SLOT.toSeconds());
    }

    private static final class Slot {
        final long index;
        final BitSet called = new BitSet();
        final BitSet silent = new BitSet();

        Slot(long index) {
            this.index = index;
        }
    }
}
