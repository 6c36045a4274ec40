package org.stackratings.dashboard;

import java.util.List;

/**
 * Line colours (Okabe–Ito, distinguishable with the common colour-vision deficiencies) and dash patterns: series of
 * one chart differ in both, and the legend names each, so no chart relies on colour alone.
 */
enum Palette {
    BLUE("#0072B2", List.of()),
    VERMILLION("#D55E00", List.of(8, 4)),
    GREEN("#009E73", List.of(2, 3)),
    PURPLE("#CC79A7", List.of(10, 3, 2, 3)),
    ORANGE("#E69F00", List.of(4, 4)),
    SKY("#56B4E9", List.of(12, 6)),
    BLACK("#1d2430", List.of());

    final String color;
    final List<Integer> dash;

    Palette(String color, List<Integer> dash) {
        this.color = color;
        this.dash = dash;
    }

    /** The n-th style, cycling. */
    static Palette at(int n) {
        return values()[Math.floorMod(n, values().length - 1)];
    }
}
