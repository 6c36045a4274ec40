package org.stackratings.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Issued keys read from the database in the last {@code ttl}, by key id, so that a client's requests do not each
 * read its key. Holds hashes and validity, never secrets. Revocation on this node removes the entry at once; other
 * nodes see it when their entry ages out (at most {@code ttl}). Bounded: when full it starts over empty.
 * <p>
 * A read that began before a revocation must not put the old row back after the revocation dropped it:
 * {@link #stamp()} before reading and {@link #put(StoredKey, long)} with that stamp, which does nothing when any
 * key was invalidated in between.
 */
final class KeyCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(StoredKey key, long loadedAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    KeyCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<StoredKey> get(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.loadedAtNanos >= ttlNanos) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key);
    }

    /** Taken before reading a key from the database; see {@link #put}. */
    long stamp() {
        return invalidations.get();
    }

    /** Caches a key read after {@code stamp} was taken, unless a key was invalidated since. */
    synchronized void put(StoredKey key, long stamp) {
        if (ttlNanos <= 0 || invalidations.get() != stamp) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key.id(), new Entry(key, nanoTime.getAsLong()));
    }

    synchronized void invalidate(String id) {
        invalidations.incrementAndGet();
        entries.remove(id);
    }

    int size() {
        return entries.size();
    }
}
