package org.stackratings.sandbox.backfill;

import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.OutageWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackfillPlanTest {

    private static final Instant END = Instant.parse("2026-03-10T12:34:56Z");

    @Test
    void coversWholeDaysBeforeTheHourOfTheEndAndPlacesIncidentsInside() {
        BackfillPlan plan = BackfillPlan.of(List.of("dustbowl", "borealis", "aurora", "cumulus"), END, 90);
        assertThat(plan.start()).isEqualTo(Instant.parse("2025-12-10T12:00:00Z"));
        assertThat(plan.end()).isEqualTo(END);
        assertThat(plan.outages()).containsOnlyKeys("aurora", "borealis");
        assertThat(plan.outagesOf("aurora").get(0).services()).isEmpty();
        assertThat(plan.outagesOf("aurora").get(0).mode()).isEqualTo(FaultMode.ERROR);
        assertThat(Duration.between(plan.outagesOf("aurora").get(0).start(), plan.outagesOf("aurora").get(0).end()))
                .isEqualTo(Duration.ofHours(3));
        assertThat(plan.outagesOf("borealis").get(0).services()).containsExactly("compute", "network");
        assertThat(plan.slowdowns()).containsOnlyKeys("cumulus");
        assertThat(plan.outagesOf("dustbowl")).isEmpty();
        for (OutageWindow outage : List.of(plan.outagesOf("aurora").get(0), plan.outagesOf("borealis").get(0))) {
            assertThat(outage.start()).isAfter(plan.start());
            assertThat(outage.end()).isBefore(plan.end());
        }
        assertThat(plan.agencyGaps()).hasSize(1);
        assertThat(plan.describe()).hasSize(4).anySatisfy(line -> assertThat(line).startsWith("aurora: ERROR outage"));
    }

    @Test
    void isTheSameForTheSameCloudsAndPeriod() {
        assertThat(BackfillPlan.of(List.of("b", "a"), END, 3)).isEqualTo(BackfillPlan.of(List.of("a", "b"), END, 3));
    }

    @Test
    void slowdownsRiseToTheirPeakAndFallBack() {
        BackfillPlan.Slowdown slowdown = new BackfillPlan.Slowdown(END, END.plus(Duration.ofHours(10)), 4);
        assertThat(slowdown.factorAt(END.minusSeconds(1))).isEqualTo(1.0);
        assertThat(slowdown.factorAt(END)).isEqualTo(1.0);
        assertThat(slowdown.factorAt(END.plus(Duration.ofHours(5)))).isEqualTo(4.0);
        assertThat(slowdown.factorAt(END.plus(Duration.ofHours(10)))).isEqualTo(1.0);
    }

    @Test
    void needsAtLeastADay() {
        assertThatThrownBy(() -> BackfillPlan.of(List.of("a"), END, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
