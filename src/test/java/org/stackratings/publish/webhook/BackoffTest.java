package org.stackratings.publish.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void doublesUpToTheMaximum() {
        assertThat(backoff.base(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.base(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.base(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.base(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(backoff.base(10)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.base(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterStaysBetweenHalfAndTheWholeBaseAndSpreads() {
        RandomGenerator random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration base = backoff.base(attempt);
            java.util.Set<Duration> seen = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.delay(attempt, random);
                assertThat(delay).isBetween(base.dividedBy(2), base);
                seen.add(delay);
            }
            assertThat(seen).as("attempt %d draws different waits", attempt).hasSizeGreaterThan(100);
        }
    }
}
