package org.stackratings.rating;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A sub-factor grid (RATING.md section 5.4): seven thresholds place a value in a category Aaa … Ca, and the
 * score is interpolated linearly inside the category's score band. Values are compared on a "goodness"
 * scale that grows with quality: nines of availability, or negated latency.
 */
public record Grid(String name, List<Double> thresholds, List<Double> categoryFloors, DoubleUnaryOperator goodness,
                   double best, double worst) {

    static final String[] CATEGORIES = {"Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa", "Ca"};

    public Grid {
        if (thresholds.size() != 7) {
            throw new IllegalArgumentException("grid " + name + " needs 7 thresholds (Aaa..Caa), has " + thresholds.size());
        }
        if (categoryFloors.size() != 8) {
            throw new IllegalArgumentException("categoryFloors needs 8 values (Aaa..Ca), has " + categoryFloors.size());
        }
    }

    /** Availability in percent, compared in nines: −log10(1 − A); 100 % counts as {@code best}. */
    static Grid availability(String name, List<Double> thresholds, List<Double> floors) {
        return new Grid(name, thresholds, floors, Grid::nines, 99.999, 90.0);
    }

    /** A percentage, higher is better, interpolated linearly; 100 % scores 100 and {@code worst} scores 0. */
    static Grid percent(String name, List<Double> thresholds, List<Double> floors, double worst) {
        return new Grid(name, thresholds, floors, p -> p, 100.0, worst);
    }

    /** Latency in ms, lower is better; 0 ms scores 100, twice the last threshold scores 0. */
    static Grid latency(String name, List<Double> thresholds, List<Double> floors) {
        return new Grid(name, thresholds, floors, ms -> -ms, 0.0, thresholds.get(6) * 2);
    }

    /** The 0–100 score of a value. */
    public double score(double value) {
        double g = goodness.applyAsDouble(value);
        double[] points = new double[9];
        points[0] = goodness.applyAsDouble(best);
        for (int i = 0; i < 7; i++) {
            points[i + 1] = goodness.applyAsDouble(thresholds.get(i));
        }
        points[8] = goodness.applyAsDouble(worst);
        if (g >= points[0]) {
            return 100.0;
        }
        for (int k = 0; k < 8; k++) {
            double upper = points[k];
            double lower = points[k + 1];
            if (g >= lower) {
                double ceil = k == 0 ? 100.0 : categoryFloors.get(k - 1);
                double floor = categoryFloors.get(k);
                double position = upper == lower ? 1.0 : (g - lower) / (upper - lower);
                return floor + (ceil - floor) * position;
            }
        }
        return 0.0;
    }

    /** The category (Aaa … Ca) a value falls in. */
    public String category(double value) {
        double g = goodness.applyAsDouble(value);
        for (int i = 0; i < 7; i++) {
            if (g >= goodness.applyAsDouble(thresholds.get(i))) {
                return CATEGORIES[i];
            }
        }
        return CATEGORIES[7];
    }

    private static double nines(double percent) {
        double unavailable = Math.max(1.0 - percent / 100.0, 1e-9);
        return -Math.log10(unavailable);
    }
}
