package org.stackratings.publish.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failed attempt the base wait is {@code initial × 2^(n-1)}, at most
 * {@code max}, and the actual wait is drawn uniformly from [base/2, base] so that receivers recovering from an
 * outage are not hit by every sender at the same instant.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration base(int failedAttempts) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    public Duration delay(int failedAttempts, RandomGenerator random) {
        long base = base(failedAttempts).toMillis();
        long half = base / 2;
        return Duration.ofMillis(half + random.nextLong(base - half + 1));
    }
}
