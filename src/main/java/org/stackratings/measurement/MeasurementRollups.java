package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.time.Instant;
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
        Map<String, RollupReader.Sum> sums = em.unwrap(Session.class).doReturningWork(connection ->
                        RollupReader.totals(connection, List.of(memberId), List.of(probe), from, to))
                .getOrDefault(memberId, Map.of()).getOrDefault(probe, new TreeMap<>());
        return totalsOf(sums);
    }

    static Map<String, Totals> totalsOf(Map<String, RollupReader.Sum> sums) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        sums.forEach((op, s) -> totals.put(op, new Totals(op, s.counts[0], s.counts[1], s.counts[2], s.counts[3], s.latency)));
        return totals;
    }

    /**
     * The member's runs of the probe that started in [{@code from}, {@code to}) and completed (measured something),
     * all vantages together: whole days and hours from the run rollups, the partial hours at either end counted in
     * {@code probe_run} itself, so the count is exact for any window.
     */
    public long completedRuns(long memberId, String probe, Instant from, Instant to) {
        return em.unwrap(Session.class).doReturningWork(connection ->
                RollupReader.completedRuns(connection, List.of(memberId), probe, from, to)).getOrDefault(memberId, 0L);
    }

}
