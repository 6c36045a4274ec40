package org.stackratings.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * The outlook from the trend of the score: scores are averaged per bucket, the Theil–Sen slope (the median of the
 * slopes between every pair of buckets, robust to outliers) is projected over the horizon, and the projected score's
 * notch is compared with the published one. POSITIVE / NEGATIVE when the projection is at least one notch away.
 */
public final class OutlookRule {

    /** One computed score at a time. */
    public record ScorePoint(Instant at, double score) {
    }

    private final Duration bucket;
    private final Duration horizon;
    private final int minimumBuckets;

    public OutlookRule(Duration bucket, Duration horizon, int minimumBuckets) {
        this.bucket = bucket;
        this.horizon = horizon;
        this.minimumBuckets = minimumBuckets;
    }

    public Outlook outlook(List<ScorePoint> history, Notch published, DoubleFunction<Notch> notchFor) {
        if (!published.isRated()) {
            return Outlook.STABLE;
        }
        Map<Long, double[]> buckets = new TreeMap<>();
        long size = bucket.toMillis();
        for (ScorePoint point : history) {
            double[] sum = buckets.computeIfAbsent(point.at().toEpochMilli() / size, k -> new double[2]);
            sum[0] += point.score();
            sum[1]++;
        }
        if (buckets.size() < minimumBuckets) {
            return Outlook.STABLE;
        }
        List<double[]> points = new ArrayList<>();
        buckets.forEach((index, sum) -> points.add(new double[]{index, sum[0] / sum[1]}));
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                slopes.add((points.get(j)[1] - points.get(i)[1]) / (points.get(j)[0] - points.get(i)[0]));
            }
        }
        slopes.sort(Double::compare);
        double slopePerBucket = slopes.size() % 2 == 1 ? slopes.get(slopes.size() / 2)
                : (slopes.get(slopes.size() / 2 - 1) + slopes.get(slopes.size() / 2)) / 2;
        // Theil–Sen line: the median of y − slope·x is the intercept, so one odd bucket moves neither slope nor level
        List<Double> intercepts = new ArrayList<>();
        for (double[] point : points) {
            intercepts.add(point[1] - slopePerBucket * point[0]);
        }
        intercepts.sort(Double::compare);
        double intercept = intercepts.size() % 2 == 1 ? intercepts.get(intercepts.size() / 2)
                : (intercepts.get(intercepts.size() / 2 - 1) + intercepts.get(intercepts.size() / 2)) / 2;
        double lastX = points.get(points.size() - 1)[0];
        double fitted = intercept + slopePerBucket * lastX;
        double projected = Math.max(0, Math.min(100, fitted + slopePerBucket * ((double) horizon.toMillis() / size)));
        int move = notchFor.apply(projected).index() - published.index();
        return move >= 1 ? Outlook.NEGATIVE : move <= -1 ? Outlook.POSITIVE : Outlook.STABLE;
    }
}
