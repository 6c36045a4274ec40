package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's rollups ({@link MeasurementRollups}) summed into steps of time, per probe and operation: the time series a
 * dashboard draws. One query over the rollup rows of the range (hourly rows; daily rows for the whole days of a range
 * in steps of days); no raw measurement is read, so the cost is the same whatever the probe cadence, and the range may
 * reach back past raw retention.
 */
@ApplicationScoped
@Transactional
public class RollupHistory {

    /** One step of one operation: outcome counts and, unless skipped, latency percentiles (ms) of its OK calls. */
    public record Point(Instant start, long ok, long error, long timeout, long inconclusive, Double p50, Double p95,
                        Double p99) {

        /** Calls that say something about the member (INCONCLUSIVE does not). */
        public long counted() {
            return ok + error + timeout;
        }

        /** Share of counted calls that were OK, in percent; null without any. */
        public Double availabilityPercent() {
            return counted() == 0 ? null : 100.0 * ok / counted();
        }
    }

    /** The steps of one probe's operation that hold at least one rollup, oldest first. */
    public record Series(String probe, String operation, List<Point> points) {
    }

    private static final long DAY_SECONDS = 86_400;

    private final EntityManager em;

    public RollupHistory(EntityManager em) {
        this.em = em;
    }

    /**
     * The rollups of the hours that start in [{@code from}, {@code to}), summed per step. Steps start at whole
     * multiples of {@code step} since the epoch (UTC midnight for a day, the hour for an hour), so a range split into
     * days gives calendar days (UTC). With {@code latency} false the histograms are not read and the percentiles are
     * null (counts only, cheaper). Sorted by probe, then operation.
     */
    public List<Series> series(long memberId, Instant from, Instant to, Duration step, boolean latency) {
        long stepSeconds = step.toSeconds();
        if (stepSeconds < 3600 || stepSeconds % 3600 != 0) {
            throw new IllegalArgumentException("the step must be a whole number of hours, got " + step);
        }
        Map<String, Map<String, TreeMap<Long, Accumulator>>> byProbe = new TreeMap<>();
        // steps of whole days read the daily rows for the whole days of the range and hourly rows only for the hours
        // of its partial days at either end: the same sums, from about 24 times fewer rows
        Instant hoursFrom = MeasurementRollups.hourOf(from);
        Instant[] ranges;
        if (stepSeconds % DAY_SECONDS == 0) {
            Instant daysFrom = RollupLevel.DAY.startOf(hoursFrom).equals(hoursFrom) ? hoursFrom
                    : RollupLevel.DAY.startOf(hoursFrom).plus(Duration.ofDays(1));
            Instant daysTo = RollupLevel.DAY.startOf(to);
            ranges = daysFrom.isBefore(daysTo)
                    ? new Instant[]{hoursFrom, daysFrom, daysFrom, daysTo, daysTo, to}
                    : new Instant[]{hoursFrom, to, to, to, to, to};
        } else {
            ranges = new Instant[]{hoursFrom, to, to, to, to, to};
        }
        String columns = "probe, operation, %s, ok_count, error_count, timeout_count, inconclusive_count"
                + (latency ? ", latency" : "");
        String sql = "select " + columns.formatted("hour_start") + " from measurement_rollup where member_id = ?"
                + " and hour_start >= ? and hour_start < ?"
                + " union all select " + columns.formatted("day_start") + " from measurement_rollup_day where member_id = ?"
                + " and day_start >= ? and day_start < ?"
                + " union all select " + columns.formatted("hour_start") + " from measurement_rollup where member_id = ?"
                + " and hour_start >= ? and hour_start < ?";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int part = 0; part < 3; part++) {
                    select.setLong(3 * part + 1, memberId);
                    select.setObject(3 * part + 2, OffsetDateTime.ofInstant(ranges[2 * part], ZoneOffset.UTC));
                    select.setObject(3 * part + 3, OffsetDateTime.ofInstant(ranges[2 * part + 1], ZoneOffset.UTC));
                }
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long hour = rs.getObject(3, OffsetDateTime.class).toEpochSecond();
                        Accumulator cell = byProbe.computeIfAbsent(rs.getString(1), p -> new TreeMap<>())
                                .computeIfAbsent(rs.getString(2), o -> new TreeMap<>())
                                .computeIfAbsent(Math.floorDiv(hour, stepSeconds), s -> new Accumulator());
                        cell.ok += rs.getLong(4);
                        cell.error += rs.getLong(5);
                        cell.timeout += rs.getLong(6);
                        cell.inconclusive += rs.getLong(7);
                        if (latency) {
                            byte[] sketch = rs.getBytes(8);
                            if (sketch != null) {
                                if (cell.latency == null) {
                                    cell.latency = new LatencySketch();
                                }
                                cell.latency.add(sketch);
                            }
                        }
                    }
                }
            }
        });
        List<Series> series = new ArrayList<>();
        byProbe.forEach((probe, operations) -> operations.forEach((operation, steps) -> {
            List<Point> points = new ArrayList<>(steps.size());
            steps.forEach((index, cell) -> points.add(cell.point(Instant.ofEpochSecond(index * stepSeconds))));
            series.add(new Series(probe, operation, points));
        }));
        return series;
    }

    private static final class Accumulator {
        long ok;
        long error;
        long timeout;
        long inconclusive;
        LatencySketch latency;

        Point point(Instant start) {
            return new Point(start, ok, error, timeout, inconclusive, percentile(50), percentile(95), percentile(99));
        }

        private Double percentile(double p) {
            return latency == null ? null : latency.percentile(p);
        }
    }
}
