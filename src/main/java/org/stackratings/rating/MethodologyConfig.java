package org.stackratings.rating;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * The rating methodology in force: every number the scorecard uses. docs/methodology.md documents the
 * defaults; a rating records {@link #version()}, so any change to these values needs a new version.
 */
@ConfigMapping(prefix = "stackratings.methodology")
public interface MethodologyConfig {

    /** Version recorded with every rating made under these settings. */
    @WithDefault("2026.1-draft")
    String version();

    /** Window of measurements a rating is computed from. */
    @WithDefault("P30D")
    Duration window();

    /** Measured history a member needs before it is rated (NR until then). */
    @WithDefault("P7D")
    Duration minimumHistory();

    /** Share of expected api runs that must have measured something in the window (NR below). */
    @WithDefault("0.9")
    double minimumCoverage();

    /** Factor weights (renormalised over the factors that have data). */
    Weights weights();

    /** Weights of the services in API availability. */
    ServiceWeights serviceWeights();

    /** Lower score bound of each grid category Aaa, Aa, A, Baa, Ba, B, Caa, Ca. */
    @WithDefault("95,80,65,50,35,20,5,0")
    List<Double> categoryFloors();

    /** Lowest weighted score of each notch from Aaa to Ca (20 values, descending). */
    @WithDefault("95,90,85,80,75,70,65,60,55,50,45,40,35,30,25,20,15,10,5,0")
    List<Double> notchFloors();

    Grids grids();

    Caps caps();

    /** When the published rating follows the indicated notch (RATING.md 5.8). */
    Stability stability();

    /** How the outlook is read from the trend of the score (RATING.md 5.9). */
    OutlookSettings outlook();

    interface Stability {
        /** How long a different notch must be indicated without interruption before the rating moves. */
        @WithDefault("P1D")
        Duration hold();

        /** A fall (or rise) of at least this many notches puts the rating on watch at once. */
        @WithDefault("2")
        int sharpNotches();

        /** A rating with no action for this long is affirmed. */
        @WithDefault("P30D")
        Duration affirmAfter();
    }

    interface OutlookSettings {
        /** Scores are averaged per bucket before the trend is fitted (Theil–Sen). */
        @WithDefault("P1D")
        Duration bucket();

        /** How far ahead the trend is projected. */
        @WithDefault("P30D")
        Duration horizon();

        /** Fewer buckets than this give a STABLE outlook (too little history for a trend). */
        @WithDefault("5")
        int minimumBuckets();
    }

    interface Weights {
        @WithDefault("40")
        double availability();

        @WithDefault("15")
        double latency();

        @WithDefault("8")
        double latencyP95();

        @WithDefault("4")
        double latencyP99();

        @WithDefault("3")
        double latencyP50();

        @WithDefault("20")
        double lifecycle();

        @WithDefault("10")
        double bootSuccess();

        @WithDefault("6")
        double timeToActiveP95();

        @WithDefault("4")
        double deleteSuccess();

        @WithDefault("15")
        double compliance();
    }

    interface ServiceWeights {
        @WithDefault("25")
        double identity();

        @WithDefault("25")
        double compute();

        @WithDefault("20")
        double network();

        @WithDefault("15")
        double volume();

        @WithDefault("15")
        double image();
    }

    /** Worst value still in each category Aaa … Caa (7 values); worse than the last is Ca. */
    interface Grids {
        /** API availability in percent (higher is better). */
        @WithDefault("99.99,99.95,99.9,99.5,99.0,98.0,95.0")
        List<Double> apiAvailability();

        /** Median latency in ms (lower is better). */
        @WithDefault("60,100,150,250,400,800,2000")
        List<Double> latencyP50();

        @WithDefault("150,250,400,600,1000,2000,5000")
        List<Double> latencyP95();

        @WithDefault("300,500,800,1200,2000,4000,10000")
        List<Double> latencyP99();

        /** Boot success in percent: ACTIVE servers over create attempts (higher is better). */
        @WithDefault("99.9,99.5,99.0,98.0,95.0,90.0,80.0")
        List<Double> bootSuccess();

        /** 95th percentile of create → ACTIVE in seconds (lower is better). */
        @WithDefault("30,45,60,90,120,180,300")
        List<Double> timeToActiveP95Seconds();

        /** Delete success in percent: servers gone before the deadline over delete attempts. */
        @WithDefault("99.9,99.5,99.0,98.0,95.0,90.0,80.0")
        List<Double> deleteSuccess();

        /** Share of checked required capabilities that pass, in percent. */
        @WithDefault("100,99.99,99,97,95,90,80")
        List<Double> compliance();
    }

    interface Caps {
        /** API availability (percent) below which the rating is capped … */
        @WithDefault("99.0")
        double availabilityBelow();

        /** … at this notch. */
        @WithDefault("B1")
        String availabilityCap();

        /** Share (percent) of checked required capabilities passing below which … (the guideline threshold) */
        @WithDefault("95")
        double complianceBelow();

        /** … the rating is capped here (below assured grade). */
        @WithDefault("Ba1")
        String complianceCap();

        /** Wilson 95 % lower bound of boot success (percent) below which … */
        @WithDefault("95")
        double bootSuccessBelow();

        /** … the rating is capped here … */
        @WithDefault("Ba1")
        String bootSuccessCap();

        /** … once at least this many boots were attempted in the window (fewer cannot support the bound). */
        @WithDefault("100")
        int bootSuccessMinimumBoots();
    }
}
