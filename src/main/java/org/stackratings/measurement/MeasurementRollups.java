package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly rollups of measurements (table {@code measurement_rollup}): outcome counts, and a {@link LatencySketch} of
 * the OK durations, per member, vantage, probe, operation and hour.
 *
 * <p>Measurements are folded into their hour's rollup in the transaction that stores them
 * ({@link MeasurementStore#finishRun}), so a measurement is counted once and only if it is stored, whatever hour it
 * belongs to (a late one lands in its own hour). Concurrent runs (another instance, a manual run) touching the same
 * rows are serialised by row locks: {@code insert … on conflict do nothing} makes sure every row exists, then
 * {@code select … for update} locks them in key order (no deadlocks), then they are updated.
 */
@ApplicationScoped
public class MeasurementRollups {

    private static final String INSERT_EMPTY = "insert into measurement_rollup (member_id, vantage, probe, operation, hour_start,"
            + " ok_count, error_count, timeout_count, inconclusive_count, latency, sum_ms, min_ms, max_ms)"
            + " values (?, ?, ?, ?, ?, 0, 0, 0, 0, null, 0, null, null) on conflict do nothing";
    private static final String UPDATE = "update measurement_rollup set ok_count = ?, error_count = ?, timeout_count = ?,"
            + " inconclusive_count = ?, latency = ?, sum_ms = ?, min_ms = ?, max_ms = ?"
            + " where member_id = ? and vantage = ? and probe = ? and operation = ? and hour_start = ?";

    private final EntityManager em;

    public MeasurementRollups(EntityManager em) {
        this.em = em;
    }

    /** The start of the hour (UTC) that holds the instant. */
    public static Instant hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    /** Key of a rollup row within one member, vantage and probe. */
    record Key(String operation, Instant hour) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::operation).thenComparing(Key::hour);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** What one rollup row holds (or what is added to it). */
    static final class Cell {
        final long[] counts = new long[Outcome.values().length];
        LatencySketch sketch;
        byte[] encoded;
        double sumMs;
        Double minMs;
        Double maxMs;

        void add(OperationResult result) {
            counts[result.outcome().ordinal()]++;
            if (result.outcome() == Outcome.OK) {
                if (sketch == null) {
                    sketch = new LatencySketch();
                }
                sketch.record(result.durationMs());
                sumMs += result.durationMs();
                minMs = minMs == null ? result.durationMs() : Math.min(minMs, result.durationMs());
                maxMs = maxMs == null ? result.durationMs() : Math.max(maxMs, result.durationMs());
            }
        }

        void add(Cell delta) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += delta.counts[i];
            }
            if (delta.sketch != null) {
                LatencySketch merged = encoded == null ? new LatencySketch() : LatencySketch.decode(encoded);
                merged.add(delta.sketch);
                sketch = merged;
                sumMs += delta.sumMs;
                minMs = minMs == null ? delta.minMs : Math.min(minMs, delta.minMs);
                maxMs = maxMs == null ? delta.maxMs : Math.max(maxMs, delta.maxMs);
            }
        }
    }

    /** Folds a run's results into their hours' rollups, on the connection of the current transaction. */
    public void fold(long memberId, String vantage, String probe, List<OperationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> fold(connection, memberId, vantage, probe, results));
    }

    void fold(Connection connection, long memberId, String vantage, String probe, List<OperationResult> results)
            throws SQLException {
        TreeMap<Key, Cell> deltas = new TreeMap<>();
        for (OperationResult r : results) {
            deltas.computeIfAbsent(new Key(r.operation(), hourOf(r.startedAt())), k -> new Cell()).add(r);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EMPTY)) {
            for (Key key : deltas.keySet()) {
                insert.setLong(1, memberId);
                insert.setString(2, vantage);
                insert.setString(3, probe);
                insert.setString(4, key.operation());
                insert.setObject(5, utc(key.hour()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<Key, Cell> current = lock(connection, memberId, vantage, probe, deltas);
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (Map.Entry<Key, Cell> e : deltas.entrySet()) {
                Cell row = current.get(e.getKey());
                if (row == null) {
                    throw new IllegalStateException("measurement rollup row " + e.getKey() + " vanished while locked");
                }
                row.add(e.getValue());
                update.setLong(1, row.counts[Outcome.OK.ordinal()]);
                update.setLong(2, row.counts[Outcome.ERROR.ordinal()]);
                update.setLong(3, row.counts[Outcome.TIMEOUT.ordinal()]);
                update.setLong(4, row.counts[Outcome.INCONCLUSIVE.ordinal()]);
                if (row.sketch != null) {
                    update.setBytes(5, row.sketch.encode());
                } else if (row.encoded != null) {
                    update.setBytes(5, row.encoded);
                } else {
                    update.setNull(5, Types.BINARY);
                }
                update.setDouble(6, row.sumMs);
                setDouble(update, 7, row.minMs);
                setDouble(update, 8, row.maxMs);
                update.setLong(9, memberId);
                update.setString(10, vantage);
                update.setString(11, probe);
                update.setString(12, e.getKey().operation());
                update.setObject(13, utc(e.getKey().hour()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Locks the rows of the keys (in key order) and returns their current values. */
    private static Map<Key, Cell> lock(Connection connection, long memberId, String vantage, String probe,
                                       TreeMap<Key, Cell> keys) throws SQLException {
        List<String> operations = keys.keySet().stream().map(Key::operation).distinct().toList();
        Instant first = keys.keySet().stream().map(Key::hour).min(Instant::compareTo).orElseThrow();
        Instant last = keys.keySet().stream().map(Key::hour).max(Instant::compareTo).orElseThrow();
        String sql = "select operation, hour_start, ok_count, error_count, timeout_count, inconclusive_count, latency, sum_ms,"
                + " min_ms, max_ms from measurement_rollup where member_id = ? and vantage = ? and probe = ?"
                + " and hour_start >= ? and hour_start <= ? and operation in (" + "?,".repeat(operations.size() - 1) + "?)"
                + " order by operation, hour_start for update";
        Map<Key, Cell> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, memberId);
            select.setString(2, vantage);
            select.setString(3, probe);
            select.setObject(4, utc(first));
            select.setObject(5, utc(last));
            for (int i = 0; i < operations.size(); i++) {
                select.setString(6 + i, operations.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                    Cell cell = new Cell();
                    for (int i = 0; i < 4; i++) {
                        cell.counts[i] = rs.getLong(3 + i);
                    }
                    cell.encoded = rs.getBytes(7);
                    cell.sumMs = rs.getDouble(8);
                    cell.minMs = getDouble(rs, 9);
                    cell.maxMs = getDouble(rs, 10);
                    rows.put(key, cell);
                }
            }
        }
        return rows;
    }

    /** Outcome counts and merged latency sketch of one operation over a window. */
    public record Totals(String operation, long ok, long error, long timeout, long inconclusive, LatencySketch latency) {
    }

    /**
     * Totals per operation of a member's probe over the hours that start in [{@code from} rounded down to the hour,
     * {@code to}), all vantages together, sorted by operation.
     */
    public Map<String, Totals> totals(long memberId, String probe, Instant from, Instant to) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, LatencySketch> sketches = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select operation, ok_count, error_count,"
                    + " timeout_count, inconclusive_count, latency from measurement_rollup"
                    + " where member_id = ? and probe = ? and hour_start >= ? and hour_start < ?")) {
                select.setLong(1, memberId);
                select.setString(2, probe);
                select.setObject(3, utc(hourOf(from)));
                select.setObject(4, utc(to));
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

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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
