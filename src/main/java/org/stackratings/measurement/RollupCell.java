package org.stackratings.measurement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** What one rollup row holds, or what is added to it: counts per outcome, the OK durations' sketch, sum, min, max. */
final class RollupCell {

    final long[] counts = new long[Outcome.values().length];
    /** The merged sketch, once something was added to it; until then {@link #encoded} holds the stored one. */
    LatencySketch sketch;
    byte[] encoded;
    double sumMs;
    Double minMs;
    Double maxMs;

    void add(OperationResult result) {
        counts[result.outcome().ordinal()]++;
        if (result.outcome() == Outcome.OK) {
            sketch().record(result.durationMs());
            sumMs += result.durationMs();
            minMs = minMs == null ? result.durationMs() : Math.min(minMs, result.durationMs());
            maxMs = maxMs == null ? result.durationMs() : Math.max(maxMs, result.durationMs());
        }
    }

    void add(RollupCell delta) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += delta.counts[i];
        }
        if (delta.sketch != null || delta.encoded != null) {
            LatencySketch merged = sketch();
            if (delta.sketch != null) {
                merged.add(delta.sketch);
            } else {
                merged.add(delta.encoded);
            }
        }
        sumMs += delta.sumMs;
        minMs = min(minMs, delta.minMs);
        maxMs = max(maxMs, delta.maxMs);
    }

    /** The sketch to add to: the stored one decoded, or a new one. */
    private LatencySketch sketch() {
        if (sketch == null) {
            sketch = encoded == null ? new LatencySketch() : LatencySketch.decode(encoded);
        }
        return sketch;
    }

    /** The latency column's value: the merged sketch encoded, the stored bytes untouched, or null. */
    byte[] latency() {
        return sketch != null ? sketch.encode() : encoded;
    }

    /** A cell that holds already summed values (a row of imported history); the sketch is kept, not copied. */
    static RollupCell of(long ok, long error, long timeout, long inconclusive, LatencySketch latency, double sumMs,
                         double minMs, double maxMs) {
        RollupCell cell = new RollupCell();
        cell.counts[Outcome.OK.ordinal()] = ok;
        cell.counts[Outcome.ERROR.ordinal()] = error;
        cell.counts[Outcome.TIMEOUT.ordinal()] = timeout;
        cell.counts[Outcome.INCONCLUSIVE.ordinal()] = inconclusive;
        cell.sumMs = sumMs;
        if (latency.count() > 0) {
            cell.sketch = latency;
            cell.minMs = minMs;
            cell.maxMs = maxMs;
        }
        return cell;
    }

    /** Reads the counts, latency, sum, min and max from the result set's columns, starting at {@code first}. */
    static RollupCell read(ResultSet rs, int first) throws SQLException {
        RollupCell cell = new RollupCell();
        for (int i = 0; i < 4; i++) {
            cell.counts[i] = rs.getLong(first + i);
        }
        cell.encoded = rs.getBytes(first + 4);
        cell.sumMs = rs.getDouble(first + 5);
        cell.minMs = getDouble(rs, first + 6);
        cell.maxMs = getDouble(rs, first + 7);
        return cell;
    }

    /** Binds the counts, latency, sum, min and max to the statement's parameters, starting at {@code first}. */
    void bind(PreparedStatement ps, int first) throws SQLException {
        ps.setLong(first, counts[Outcome.OK.ordinal()]);
        ps.setLong(first + 1, counts[Outcome.ERROR.ordinal()]);
        ps.setLong(first + 2, counts[Outcome.TIMEOUT.ordinal()]);
        ps.setLong(first + 3, counts[Outcome.INCONCLUSIVE.ordinal()]);
        byte[] latency = latency();
        if (latency == null) {
            ps.setNull(first + 4, Types.BINARY);
        } else {
            ps.setBytes(first + 4, latency);
        }
        ps.setDouble(first + 5, sumMs);
        setDouble(ps, first + 6, minMs);
        setDouble(ps, first + 7, maxMs);
    }

    private static Double min(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.min(a, b));
    }

    private static Double max(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static Double getDouble(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? null : value;
    }
}
