package org.stackratings.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.MutableClock;

/** When a cloud's silence is its own, and when many clouds falling silent together make it the agency's. */
class SilenceCensusTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:03Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SilenceCensus census = new SilenceCensus(clock);

    private void calls(int from, int to, boolean unanswered) {
        for (int i = from; i < to; i++) {
            if (unanswered) {
                census.observerOf("https://cloud-" + i + ".example/v3").unanswered();
            } else {
                census.observerOf("https://cloud-" + i + ".example/v3").answered();
            }
        }
    }

    private java.util.Optional<String> judge(int cloud) {
        return census.agencySide("https://cloud-" + cloud + ".example/v3", clock.instant().minusSeconds(20),
                clock.instant());
    }

    @Test
    void oneSilentCloudAmongAnsweringOnesIsItsOwnFailure() {
        calls(1, 20, false);
        calls(0, 1, true);

        assertThat(judge(0)).isEmpty();
    }

    @Test
    void manyCloudsSilentTogetherAreTheAgencysSide() {
        calls(5, 20, false);
        calls(0, 5, true);

        assertThat(judge(0)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("5 of the 20 member clouds").contains("the agency's own network or load"));
    }

    @Test
    void fewerThanFiveSilentCloudsAreNeverExcusedEvenWhenTheyAreAll() {
        calls(0, 4, true);

        assertThat(judge(0)).isEmpty();
    }

    @Test
    void fiveSilentCloudsAmongManyAreTooSmallAShare() {
        calls(5, 40, false);
        calls(0, 5, true);

        assertThat(judge(0)).as("5 of 40 is below a quarter").isEmpty();
    }

    @Test
    void silencesOutsideThePeriodDoNotCount() {
        calls(1, 5, true);
        clock.advance(Duration.ofMinutes(2));
        calls(5, 10, false);
        calls(0, 1, true);

        assertThat(judge(0)).isEmpty();
        assertThat(census.agencySide("https://cloud-0.example/v3", T0, clock.instant()))
                .as("a period that spans both").isPresent();
    }

    @Test
    void anHourLaterTheSlotsAreReused() {
        calls(0, 10, true);
        clock.advance(Duration.ofHours(1));
        calls(10, 20, false);
        calls(0, 1, true);

        assertThat(judge(0)).isEmpty();
    }

    @Test
    void aCloudTheCensusNeverHeardOfCountsItself() {
        calls(0, 5, true);

        assertThat(judge(99)).as("5 others and itself of 6").hasValueSatisfying(why -> assertThat(why)
                .startsWith("6 of the 6"));
    }
}
