package org.stackratings.gate;

import org.junit.jupiter.api.Test;
import org.stackratings.rating.Notch;
import org.stackratings.web.ProblemException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateCriteriaTest {

    private static final GateCriteria DEFAULTS = new GateCriteria(Notch.BAA3, Duration.ofDays(1));

    @Test
    void fillsInDefaultsAndReadsNotchesInAnyCase() {
        assertThat(GateCriteria.parse(null, null, DEFAULTS)).isEqualTo(DEFAULTS);
        assertThat(GateCriteria.parse("aA1", "p2dt3h", DEFAULTS))
                .isEqualTo(new GateCriteria(Notch.AA1, Duration.ofHours(51)));
        assertThat(GateCriteria.parse(" C ", "PT1S", DEFAULTS).minRating()).isEqualTo(Notch.C);
    }

    @Test
    void refusesWhatIsNotARatingOrAPositiveDuration() {
        assertThatThrownBy(() -> GateCriteria.parse("AAA+", null, DEFAULTS)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("Aaa, Aa1").hasMessageContaining("Ca, C;");
        assertThatThrownBy(() -> GateCriteria.parse("", null, DEFAULTS)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> GateCriteria.parse(null, "P1W", DEFAULTS)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> GateCriteria.parse(null, "", DEFAULTS)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> GateCriteria.parse(null, "P99999999999999999D", DEFAULTS)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aBadDefaultIsAStartupError() {
        GateConfig config = new GateConfig() {
            @Override
            public String defaultMinRating() {
                return "NR";
            }

            @Override
            public Duration defaultMaxAge() {
                return Duration.ofDays(1);
            }
        };
        assertThatThrownBy(() -> GateCriteria.defaults(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stackratings.gate: minRating must be");
    }
}
