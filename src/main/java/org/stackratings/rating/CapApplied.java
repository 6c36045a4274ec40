package org.stackratings.rating;

/** A weakest-link rule that limits the rating whatever the score says. */
public record CapApplied(String code, Notch cap, String text) {
}
