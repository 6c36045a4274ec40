package org.stackratings.rating;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final StabilityRules rules = new StabilityRules(new StabilityRules.Settings(Duration.ofHours(24), 2, Duration.ofDays(30)));

    @Test
    void assignsTheFirstRatingAtOnce() {
        StabilityRules.Decision d = rules.decide(PublishedRating.NONE, Notch.A2, false, false, T0);
        assertThat(d.state().notch()).isEqualTo(Notch.A2);
        assertThat(d.actions()).extracting(PlannedAction::type).containsExactly(ActionType.ASSIGNED);
    }

    @Test
    void staysNotRatedWithoutEnoughData() {
        StabilityRules.Decision d = rules.decide(PublishedRating.NONE, Notch.NR, false, false, T0);
        assertThat(d.state().notch()).isEqualTo(Notch.NR);
        assertThat(d.actions()).isEmpty();
    }

    @Test
    void noiseAroundANotchBoundaryProducesNoFlipFlop() {
        PublishedRating state = rated(Notch.A2, T0);
        List<PlannedAction> actions = new ArrayList<>();
        for (int minute = 1; minute <= 3 * 24 * 60; minute++) {
            Notch indicated = minute % 7 == 0 ? Notch.A3 : minute % 11 == 0 ? Notch.A1 : Notch.A2;
            StabilityRules.Decision d = rules.decide(state, indicated, false, false, T0.plus(Duration.ofMinutes(minute)));
            actions.addAll(d.actions());
            state = d.state();
        }
        assertThat(state.notch()).isEqualTo(Notch.A2);
        assertThat(actions).extracting(PlannedAction::type).doesNotContain(ActionType.UPGRADE, ActionType.DOWNGRADE, ActionType.WATCH_ON);
    }

    @Test
    void aSustainedChangeMovesTheRatingOnceAfterTheHold() {
        PublishedRating state = rated(Notch.A2, T0);
        List<PlannedAction> actions = new ArrayList<>();
        Instant movedAt = null;
        for (int hour = 1; hour <= 72; hour++) {
            Instant now = T0.plus(Duration.ofHours(hour));
            StabilityRules.Decision d = rules.decide(state, Notch.A3, false, false, now);
            if (!d.actions().isEmpty() && movedAt == null) {
                movedAt = now;
            }
            actions.addAll(d.actions());
            state = d.state();
        }
        assertThat(actions).extracting(PlannedAction::type).containsExactly(ActionType.DOWNGRADE);
        assertThat(movedAt).isEqualTo(T0.plus(Duration.ofHours(25)));
        assertThat(state.notch()).isEqualTo(Notch.A3);
    }

    @Test
    void aSharpFallPutsTheRatingOnWatchAtOnceAndTheDowngradeFollowsTheHold() {
        PublishedRating state = rated(Notch.A1, T0);
        StabilityRules.Decision first = rules.decide(state, Notch.BAA2, false, false, T0.plusSeconds(60));
        assertThat(first.actions()).extracting(PlannedAction::type).containsExactly(ActionType.WATCH_ON);
        assertThat(first.state().watch()).isEqualTo(Watch.REVIEW_DOWNGRADE);
        assertThat(first.state().notch()).isEqualTo(Notch.A1);

        StabilityRules.Decision again = rules.decide(first.state(), Notch.BAA2, false, false, T0.plus(Duration.ofHours(2)));
        assertThat(again.actions()).as("already on watch").isEmpty();

        StabilityRules.Decision moved = rules.decide(again.state(), Notch.BAA2, false, false, T0.plus(Duration.ofHours(25)));
        assertThat(moved.actions()).extracting(PlannedAction::type).containsExactly(ActionType.DOWNGRADE);
        assertThat(moved.state().notch()).isEqualTo(Notch.BAA2);
        assertThat(moved.state().watch()).isNull();
    }

    @Test
    void anAvailabilityCapPutsTheRatingOnWatchEvenForOneNotch() {
        StabilityRules.Decision d = rules.decide(rated(Notch.BA3, T0), Notch.B1, true, false, T0.plusSeconds(60));
        assertThat(d.actions()).extracting(PlannedAction::type).containsExactly(ActionType.WATCH_ON);
    }

    @Test
    void aWatchEndsWhenTheIndicatedNotchComesBack() {
        StabilityRules.Decision watch = rules.decide(rated(Notch.A1, T0), Notch.BAA2, false, false, T0.plusSeconds(60));
        StabilityRules.Decision back = rules.decide(watch.state(), Notch.A1, false, false, T0.plus(Duration.ofHours(3)));
        assertThat(back.actions()).extracting(PlannedAction::type).containsExactly(ActionType.WATCH_OFF);
        assertThat(back.state().watch()).isNull();
        assertThat(back.state().pending()).isNull();
    }

    @Test
    void withdrawalIsImmediateAndAffirmationPeriodic() {
        StabilityRules.Decision withdrawn = rules.decide(rated(Notch.AA2, T0), Notch.AA2, false, true, T0.plusSeconds(1));
        assertThat(withdrawn.state().notch()).isEqualTo(Notch.WR);
        assertThat(withdrawn.actions()).extracting(PlannedAction::type).containsExactly(ActionType.WITHDRAWN);

        StabilityRules.Decision quiet = rules.decide(rated(Notch.AA2, T0), Notch.AA2, false, false, T0.plus(Duration.ofDays(29)));
        assertThat(quiet.actions()).isEmpty();
        StabilityRules.Decision affirmed = rules.decide(rated(Notch.AA2, T0), Notch.AA2, false, false, T0.plus(Duration.ofDays(30)));
        assertThat(affirmed.actions()).extracting(PlannedAction::type).containsExactly(ActionType.AFFIRMED);
    }

    @Test
    void losingTheDataWithdrawsTheRatingOnlyAfterTheHold() {
        StabilityRules.Decision early = rules.decide(rated(Notch.A2, T0), Notch.NR, false, false, T0.plus(Duration.ofHours(1)));
        assertThat(early.state().notch()).isEqualTo(Notch.A2);
        StabilityRules.Decision late = rules.decide(early.state(), Notch.NR, false, false, T0.plus(Duration.ofHours(26)));
        assertThat(late.state().notch()).isEqualTo(Notch.NR);
        assertThat(late.actions()).extracting(PlannedAction::type).containsExactly(ActionType.WITHDRAWN);
    }

    private static PublishedRating rated(Notch notch, Instant at) {
        return new PublishedRating(notch, null, null, null, at);
    }
}
