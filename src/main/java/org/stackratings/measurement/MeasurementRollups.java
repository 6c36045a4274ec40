package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rollups of measurements: outcome counts and a {@link LatencySketch} of the OK durations per member, vantage, probe,
 * operation and hour ({@code measurement_rollup}), and the same per day ({@code measurement_rollup_day}, the sum of
 * the day's hours), which long windows read instead of 24 hourly rows.
 *
 * <p>Measurements are folded into their hour's and day's rows in the transaction that stores them
 * ({@link MeasurementStore#finishRun}, {@link RollupWriter}), so a measurement is counted once and only if it is
 * stored, whatever hour it belongs to (a late one lands in its own hour and day). Concurrent folds touching the same
 * rows are serialised by row locks taken in key order.
 */
@ApplicationScoped
public class MeasurementRollups {

    private final EntityManager em;

    public MeasurementRollups(EntityManager em) {
        this.em = em;
    }

    /** The start of the hour (UTC) that holds the instant. */
    public static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * Folds results into their hours' and days' measurement rollups, on the connection of the current transaction.
     * Counts no run: a run stored without {@link MeasurementStore} is counted by the overload with its status.
     */
    public void fold(long memberId, String vantage, String probe, List<OperationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> RollupWriter.fold(connection,
                List.of(new RollupWriter.RunResults(memberId, vantage, probe, results.get(0).startedAt(), false, results))));
    }

    /**
     * Folds a run's results into their hours' and days' measurement rollups and, if it {@code COMPLETED}, counts the
     * run in the run rollups of the hour and day it started in (what coverage reads), on the connection of the
     * current transaction. {@link MeasurementStore#finishRun} does this for every run it stores.
     */
    public void fold(long memberId, String vantage, String probe, Instant runStartedAt, RunStatus status,
                     List<OperationResult> results) {
        em.unwrap(Session.class).doWork(connection -> RollupWriter.fold(connection, List.of(new RollupWriter.RunResults(
                memberId, vantage, probe, runStartedAt, status == RunStatus.COMPLETED, results))));
    }

    /** Outcome counts and merged latency sketch of one operation over a window. */
    public record Totals(String operation, long ok, long error, long timeout, long inconclusive, LatencySketch latency) {
    }

    /**
     * Totals per operation of a member's probe over the hours that start in [{@code from} rounded down to the hour,
     * {@code to}), all vantages together, sorted by operation: the days whose every hour is in that range from the
     * daily rows, the hours before and after them from the hourly rows.
     */
    public Map<String, Totals> totals(long memberId, String probe, Instant from, Instant to) {
        RollupSpan span = RollupSpan.ofWindow(from, to);
        Instant[] ranges = {span.daysFrom(), span.daysTo(), span.first(), span.daysFrom(), span.daysTo(), span.end()};
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, LatencySketch> sketches = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select operation, ok_count, error_count,"
                    + " timeout_count, inconclusive_count, latency from measurement_rollup_day"
                    + " where member_id = ? and probe = ? and day_start >= ? and day_start < ?"
                    + " union all select operation, ok_count, error_count, timeout_count, inconclusive_count, latency"
                    + " from measurement_rollup where member_id = ? and probe = ? and hour_start >= ? and hour_start < ?"
                    + " union all select operation, ok_count, error_count, timeout_count, inconclusive_count, latency"
                    + " from measurement_rollup where member_id = ? and probe = ? and hour_start >= ? and hour_start < ?")) {
                for (int part = 0; part < 3; part++) {
                    select.setLong(1 + 4 * part, memberId);
                    select.setString(2 + 4 * part, probe);
                    select.setObject(3 + 4 * part, utc(ranges[2 * part]));
                    select.setObject(4 + 4 * part, utc(ranges[2 * part + 1]));
                }
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String operation = rs.getString(1);
                        long[] c = counts.computeIfAbsent(operation, k -> new long[4]);
                        for (int i = 0; i < 4; i++) {
                            c[i] += rs.getLong(2 + i);
                        }
                        byte[] latency = rs.getBytes(6);
                        if (latency != null) {
                            sketches.computeIfAbsent(operation, k -> new LatencySketch()).add(latency);
                        }
                    }
                }
            }
        });
        Map<String, Totals> totals = new LinkedHashMap<>();
        counts.forEach((op, c) -> totals.put(op, new Totals(op, c[0], c[1], c[2], c[3],
                sketches.getOrDefault(op, new LatencySketch()))));
        return totals;
    }

    /**
     * The member's runs of the probe that started in [{@code from}, {@code to}) and completed (measured something),
     * all vantages together: whole days and hours from the run rollups, the partial hours at either end counted in
     * {@code probe_run} itself, so the count is exact for any window.
     */
    public long completedRuns(long memberId, String probe, Instant from, Instant to) {
        RollupSpan span = RollupSpan.within(from, to);
        Instant[] ranges = span == null
                ? new Instant[]{to, to, to, to, to, to, from, to, to, to}
                : new Instant[]{span.daysFrom(), span.daysTo(), span.first(), span.daysFrom(), span.daysTo(), span.end(),
                from, span.first(), span.end(), to};
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select sum(n) from ("
                    + "select completed_runs n from probe_run_rollup_day where member_id = ? and probe = ?"
                    + " and day_start >= ? and day_start < ?"
                    + " union all select completed_runs from probe_run_rollup where member_id = ? and probe = ?"
                    + " and hour_start >= ? and hour_start < ?"
                    + " union all select completed_runs from probe_run_rollup where member_id = ? and probe = ?"
                    + " and hour_start >= ? and hour_start < ?"
                    + " union all select count(*) from probe_run where member_id = ? and probe = ? and status = 'COMPLETED'"
                    + " and started_at >= ? and started_at < ?"
                    + " union all select count(*) from probe_run where member_id = ? and probe = ? and status = 'COMPLETED'"
                    + " and started_at >= ? and started_at < ?) runs")) {
                for (int part = 0; part < 5; part++) {
                    select.setLong(1 + 4 * part, memberId);
                    select.setString(2 + 4 * part, probe);
                    select.setObject(3 + 4 * part, utc(ranges[2 * part]));
                    select.setObject(4 + 4 * part, utc(ranges[2 * part + 1]));
                }
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
