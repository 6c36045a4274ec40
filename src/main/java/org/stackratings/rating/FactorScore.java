package org.stackratings.rating;

import java.util.List;

/** One factor of the scorecard: its weight, its 0–100 score and the sub-factors it came from. */
public record FactorScore(String name, double weight, double score, List<SubFactorScore> subFactors) {
}
