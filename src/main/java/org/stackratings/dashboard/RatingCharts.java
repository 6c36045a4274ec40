package org.stackratings.dashboard;

import org.stackratings.rating.ActionView;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.ScorePointView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rating timeline (published and indicated notch, actions marked) and the factor scores, from the hourly score history. */
record RatingCharts(TimeGrid grid) {

    ChartSpec timeline(List<ScorePointView> points, List<ActionView> actions, CurrentRating current) {
        Map<Long, Double> published = new HashMap<>();
        Map<Long, Double> indicated = new HashMap<>();
        for (ScorePointView p : points) {
            long t = p.from().getEpochSecond();
            published.put(t, index(p.rating()));
            indicated.put(t, index(p.indicatedRating()));
        }
        Map<Long, Double> marked = new HashMap<>();
        for (ActionView a : actions) {
            marked.put(grid.stepOf(a.effectiveAt()), index(a.rating()));
        }
        String summary = "Rated " + current.rating().symbol() + " now (indicated " + current.indicatedRating().symbol()
                + ", outlook " + current.outlook().name().toLowerCase(Locale.ROOT) + "); " + actions.size()
                + " rating action" + (actions.size() == 1 ? "" : "s") + " in this range.";
        return new ChartSpec("rating", "Rating over time", summary, "notch", grid.x(), List.of(
                new ChartSpec.Series("Published rating", grid.align(published), Palette.BLUE.color, List.of(), true, false, true),
                new ChartSpec.Series("Indicated by the scorecard", grid.align(indicated), Palette.VERMILLION.color,
                        Palette.VERMILLION.dash, true, false, true),
                new ChartSpec.Series("Rating action", grid.align(marked), Palette.BLACK.color, List.of(), false, true, false)));
    }

    ChartSpec factors(List<ScorePointView> points, CurrentRating current) {
        Map<Long, Double> total = new HashMap<>();
        Map<String, Map<Long, Double>> byFactor = new LinkedHashMap<>();
        for (ScorePointView p : points) {
            long t = p.from().getEpochSecond();
            if (p.score() != null) {
                total.put(t, p.score());
            }
            for (String part : p.factors() == null ? new String[0] : p.factors().split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    byFactor.computeIfAbsent(part.substring(0, eq), f -> new HashMap<>())
                            .put(t, Double.valueOf(part.substring(eq + 1)));
                }
            }
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        series.add(new ChartSpec.Series("Total score", grid.align(total), Palette.BLACK.color, List.of(), false, false, true));
        int n = 0;
        for (Map.Entry<String, Map<Long, Double>> e : byFactor.entrySet()) {
            Palette style = Palette.at(n++);
            series.add(new ChartSpec.Series(e.getKey(), grid.align(e.getValue()), style.color, style.dash, false, false, true));
        }
        String summary = current.score() == null ? "No score yet: " + (current.notRatedReason() == null ? "not rated" : current.notRatedReason()) + "."
                : "Score " + String.format(Locale.ROOT, "%.1f", current.score()) + " of 100 now; factors: "
                + String.join(", ", current.factors().stream()
                .map(f -> f.name() + " " + String.format(Locale.ROOT, "%.1f", f.score())).toList()) + ".";
        return new ChartSpec("factors", "Score and factor scores (0–100)", summary, "score", grid.x(), series);
    }

    /** 1 for Aaa … 21 for C; null for NR and WR, which the timeline leaves as gaps. */
    private static Double index(Notch notch) {
        return notch == null || !notch.isRated() ? null : (double) notch.index();
    }
}
