package org.stackratings.dashboard;

import java.util.List;

/**
 * One chart of a member page as the browser receives it (JSON): what uPlot draws, nothing computed in the browser.
 *
 * @param id          the element id suffix ({@code chart-<id>})
 * @param title       the caption
 * @param summary     one sentence in words of what the chart shows now (also the chart's accessible name)
 * @param axis        the y axis: {@code notch} (Aaa at the top), {@code percent}, {@code score} (0–100), {@code ms}, {@code s}
 * @param x           step starts, epoch seconds (UTC), the same for every series
 * @param series      the lines, each with one value (or null) per x
 */
public record ChartSpec(String id, String title, String summary, String axis, List<Long> x, List<Series> series) {

    /**
     * One line. {@code dash} is a uPlot dash pattern (empty for a solid line), so lines differ by more than colour;
     * {@code stepped} draws a step line (notches); {@code pointsOnly} draws markers without a line (rating actions);
     * {@code spanGaps} joins values across steps without one (a rating holds until the next is computed).
     */
    public record Series(String label, List<Double> values, String color, List<Integer> dash, boolean stepped,
                         boolean pointsOnly, boolean spanGaps) {

        public static Series line(String label, List<Double> values, String color, List<Integer> dash) {
            return new Series(label, values, color, dash, false, false, false);
        }
    }
}
