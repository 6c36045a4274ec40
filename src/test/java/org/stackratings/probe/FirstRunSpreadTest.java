package org.stackratings.probe;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** First runs of many members fall evenly over the spread window (capped by the interval), whatever their slugs. */
class FirstRunSpreadTest {

    @Test
    void membersWithSimilarSlugsAreSpreadEvenlyOverTheInterval() {
        long interval = 60_000;
        int[] perTenth = new int[10];
        IntStream.rangeClosed(1, 1000).forEach(i -> {
            long delay = ProbeScheduler.firstRunDelayMillis("bench-%04d".formatted(i), interval, 900_000);
            assertThat(delay).isBetween(0L, interval - 1);
            perTenth[(int) (delay * 10 / interval)]++;
        });
        assertThat(java.util.Arrays.stream(perTenth).boxed().toList()).as("members in each tenth of the minute")
                .allSatisfy(n -> assertThat(n).isBetween(70, 130));
    }

    @Test
    void theWindowIsTheSmallerOfIntervalAndSpread() {
        for (int i = 0; i < 200; i++) {
            assertThat(ProbeScheduler.firstRunDelayMillis("member-" + i, 86_400_000, 900_000)).isLessThan(900_000);
            assertThat(ProbeScheduler.firstRunDelayMillis("member-" + i, 10_000, 900_000)).isLessThan(10_000);
        }
        assertThat(ProbeScheduler.firstRunDelayMillis("aurora", 60_000, 0)).isZero();
    }

    @Test
    void aMemberKeepsItsDelay() {
        assertThat(ProbeScheduler.firstRunDelayMillis("aurora", 60_000, 900_000))
                .isEqualTo(ProbeScheduler.firstRunDelayMillis("aurora", 60_000, 900_000));
    }
}
