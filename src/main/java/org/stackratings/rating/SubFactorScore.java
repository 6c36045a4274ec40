package org.stackratings.rating;

/** A measured value placed on its grid: category (Aaa … Ca) and 0–100 score. */
public record SubFactorScore(String name, double value, String unit, String category, double score, double weight) {
}
