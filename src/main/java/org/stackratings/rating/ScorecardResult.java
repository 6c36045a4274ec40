package org.stackratings.rating;

import java.util.List;

/**
 * What the scorecard concluded: the indicated notch after caps, the scorecard notch before them, the
 * weighted score, each factor, and the data coverage. {@code notRatedReason} is set when the notch is NR.
 */
public record ScorecardResult(Notch indicated, Notch scorecardNotch, Double score, List<FactorScore> factors,
                              List<CapApplied> caps, Coverage coverage, String notRatedReason, String methodologyVersion) {

    static ScorecardResult notRated(String reason, Coverage coverage, String version) {
        return new ScorecardResult(Notch.NR, Notch.NR, null, List.of(), List.of(), coverage, reason, version);
    }
}
