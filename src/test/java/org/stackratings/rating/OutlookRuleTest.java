package org.stackratings.rating;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutlookRuleTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private final OutlookRule rule = new OutlookRule(Duration.ofDays(1), Duration.ofDays(30), 5);
    private final Scorecard scorecard = new Scorecard(MethodologyFixture.methodology(Map.of()));

    @Test
    void aFallingScoreGivesANegativeOutlookARisingOneAPositiveAndAFlatOneStable() {
        assertThat(rule.outlook(series(80, -0.5), Notch.AA3, scorecard::notchFor)).isEqualTo(Outlook.NEGATIVE);
        assertThat(rule.outlook(series(62, 0.5), Notch.BAA1, scorecard::notchFor)).isEqualTo(Outlook.POSITIVE);
        assertThat(rule.outlook(series(72, 0.0), Notch.A2, scorecard::notchFor)).isEqualTo(Outlook.STABLE);
    }

    @Test
    void oneOutlierDoesNotMakeATrend() {
        List<OutlookRule.ScorePoint> points = new ArrayList<>(series(72, 0.0));
        points.add(new OutlookRule.ScorePoint(T0.plus(Duration.ofDays(29)), 5.0));
        assertThat(rule.outlook(points, Notch.A2, scorecard::notchFor)).isEqualTo(Outlook.STABLE);
    }

    @Test
    void tooLittleHistoryIsStable() {
        assertThat(rule.outlook(series(80, -5).subList(0, 3), Notch.AA3, scorecard::notchFor)).isEqualTo(Outlook.STABLE);
    }

    /** 30 daily scores starting at {@code start}, changing by {@code perDay}, four per day. */
    private static List<OutlookRule.ScorePoint> series(double start, double perDay) {
        List<OutlookRule.ScorePoint> points = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            for (int hour = 0; hour < 24; hour += 6) {
                points.add(new OutlookRule.ScorePoint(T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)), start + perDay * day));
            }
        }
        return points;
    }
}
