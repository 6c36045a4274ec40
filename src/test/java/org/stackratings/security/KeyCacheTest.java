package org.stackratings.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final KeyCache cache = new KeyCache(Duration.ofSeconds(30), now::get);

    @Test
    void keepsAKeyForItsTimeToLive() {
        cache.put(key("a"), cache.stamp());
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get("a")).isPresent();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void dropsARevokedKeyAtOnce() {
        cache.put(key("a"), cache.stamp());
        cache.invalidate("a");
        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void doesNotCacheARowReadBeforeARevocation() {
        long stamp = cache.stamp();         // a request starts reading key "a" ...
        cache.invalidate("a");              // ... "a" is revoked meanwhile ...
        cache.put(key("a"), stamp);         // ... the old row must not come back
        assertThat(cache.get("a")).isEmpty();
        cache.put(key("a"), cache.stamp());
        assertThat(cache.get("a")).isPresent();
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        KeyCache off = new KeyCache(Duration.ZERO, now::get);
        off.put(key("a"), off.stamp());
        assertThat(off.get("a")).isEmpty();
    }

    @Test
    void staysBounded() {
        for (int i = 0; i <= KeyCache.MAX_ENTRIES; i++) {
            cache.put(key("k" + i), cache.stamp());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(KeyCache.MAX_ENTRIES);
        assertThat(cache.get("k" + KeyCache.MAX_ENTRIES)).isPresent();
    }

    private static StoredKey key(String id) {
        return new StoredKey(id, new byte[32], Roles.EXCHANGE, null, null, null);
    }
}
