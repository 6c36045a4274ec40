package org.stackratings.measurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds measurements into their hourly and daily rollup rows, and completed runs into their run rollup rows, on the
 * caller's connection and in its transaction: any number of runs at once, each row read and written once however
 * many of them it receives.
 *
 * <p>Per level (hours, then days): {@code select … for update} locks the existing rows of the keys, in key order
 * (primary-key order, the same in every transaction, so concurrent folds cannot deadlock); keys without a row get one
 * ({@code insert … on conflict do nothing}, which waits for a concurrent insert of the same key and then does
 * nothing), are locked the same way, and every row is then updated with its sum.
 */
final class RollupWriter {

    /**
     * One run's measurements, with what identifies its rollup rows; a run that {@code completed} also counts once in
     * the run rollups of the hour and day it started in.
     */
    record RunResults(long memberId, String vantage, String probe, Instant startedAt, boolean completed,
                      List<OperationResult> results) {
    }

    /** A run rollup row's primary key. */
    record RunKey(long memberId, String vantage, String probe, Instant start) implements Comparable<RunKey> {
        private static final Comparator<RunKey> ORDER = Comparator.comparingLong(RunKey::memberId)
                .thenComparing(RunKey::vantage).thenComparing(RunKey::probe).thenComparing(RunKey::start);

        @Override
        public int compareTo(RunKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** A rollup row's primary key. */
    record Key(long memberId, String vantage, String probe, String operation, Instant start) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::memberId).thenComparing(Key::vantage)
                .thenComparing(Key::probe).thenComparing(Key::operation).thenComparing(Key::start);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** Keys locked by one statement; more are locked by further statements, still in key order. */
    private static final int MAX_KEYS_PER_LOCK = 256;

    private RollupWriter() {
    }

    /** Folds the runs into both levels: per level, the measurement rows, then the run rows (the same order always). */
    static void fold(Connection connection, List<RunResults> runs) throws SQLException {
        for (RollupLevel level : RollupLevel.values()) {
            TreeMap<Key, RollupCell> deltas = new TreeMap<>();
            TreeMap<RunKey, Long> completed = new TreeMap<>();
            for (RunResults run : runs) {
                for (OperationResult r : run.results()) {
                    deltas.computeIfAbsent(new Key(run.memberId(), run.vantage(), run.probe(), r.operation(),
                            level.startOf(r.startedAt())), k -> new RollupCell()).add(r);
                }
                if (run.completed()) {
                    completed.merge(new RunKey(run.memberId(), run.vantage(), run.probe(), level.startOf(run.startedAt())),
                            1L, Long::sum);
                }
            }
            if (!deltas.isEmpty()) {
                fold(connection, level, deltas);
            }
            if (!completed.isEmpty()) {
                countRuns(connection, level, completed);
            }
        }
    }

    /** Adds completed runs to their rows: each row made sure to exist, then incremented (in key order). */
    private static void countRuns(Connection connection, RollupLevel level, TreeMap<RunKey, Long> completed)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + level.runTable + " (member_id,"
                + " vantage, probe, " + level.timeColumn + ", completed_runs) values (?, ?, ?, ?, 0) on conflict do nothing");
             PreparedStatement update = connection.prepareStatement("update " + level.runTable + " set completed_runs"
                     + " = completed_runs + ? where member_id = ? and vantage = ? and probe = ? and " + level.timeColumn + " = ?")) {
            for (Map.Entry<RunKey, Long> e : completed.entrySet()) {
                bindRunKey(insert, 1, e.getKey());
                insert.addBatch();
                update.setLong(1, e.getValue());
                bindRunKey(update, 2, e.getKey());
                update.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private static void bindRunKey(PreparedStatement ps, int first, RunKey key) throws SQLException {
        ps.setLong(first, key.memberId());
        ps.setString(first + 1, key.vantage());
        ps.setString(first + 2, key.probe());
        ps.setObject(first + 3, OffsetDateTime.ofInstant(key.start(), ZoneOffset.UTC));
    }

    private static void fold(Connection connection, RollupLevel level, TreeMap<Key, RollupCell> deltas) throws SQLException {
        Map<Key, RollupCell> rows = lock(connection, level, new ArrayList<>(deltas.keySet()));
        List<Key> missing = deltas.keySet().stream().filter(k -> !rows.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            insertEmpty(connection, level, missing);
            rows.putAll(lock(connection, level, missing));
        }
        try (PreparedStatement update = connection.prepareStatement("update " + level.table + " set ok_count = ?,"
                + " error_count = ?, timeout_count = ?, inconclusive_count = ?, latency = ?, sum_ms = ?, min_ms = ?,"
                + " max_ms = ? where member_id = ? and vantage = ? and probe = ? and operation = ? and "
                + level.timeColumn + " = ?")) {
            for (Map.Entry<Key, RollupCell> e : deltas.entrySet()) {
                RollupCell row = rows.get(e.getKey());
                if (row == null) {
                    throw new IllegalStateException(level.table + " row " + e.getKey() + " vanished while locked");
                }
                row.add(e.getValue());
                row.bind(update, 1);
                bindKey(update, 9, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void insertEmpty(Connection connection, RollupLevel level, List<Key> keys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + level.table + " (member_id, vantage,"
                + " probe, operation, " + level.timeColumn + ", ok_count, error_count, timeout_count, inconclusive_count,"
                + " latency, sum_ms, min_ms, max_ms) values (?, ?, ?, ?, ?, 0, 0, 0, 0, null, 0, null, null)"
                + " on conflict do nothing")) {
            for (Key key : keys) {
                bindKey(insert, 1, key);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Locks the rows of the keys (sorted) in key order and returns their current values; keys without a row are
     * absent. Each statement's key list is padded to a power of two (repeating the last key) so that the statement's text, and
     * the database's plan of it, is one of a few.
     */
    private static Map<Key, RollupCell> lock(Connection connection, RollupLevel level, List<Key> keys) throws SQLException {
        Map<Key, RollupCell> rows = new HashMap<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_LOCK) {
            rows.putAll(lockChunk(connection, level, keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_LOCK))));
        }
        return rows;
    }

    private static Map<Key, RollupCell> lockChunk(Connection connection, RollupLevel level, List<Key> keys)
            throws SQLException {
        int slots = Integer.highestOneBit(keys.size() - 1) << 1;
        slots = Math.max(1, slots);
        String sql = "select member_id, vantage, probe, operation, " + level.timeColumn + ", ok_count, error_count,"
                + " timeout_count, inconclusive_count, latency, sum_ms, min_ms, max_ms from " + level.table
                + " where (member_id, vantage, probe, operation, " + level.timeColumn + ") in ("
                + "(?, ?, ?, ?, ?), ".repeat(slots - 1) + "(?, ?, ?, ?, ?))"
                + " order by member_id, vantage, probe, operation, " + level.timeColumn + " for update";
        Map<Key, RollupCell> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < slots; i++) {
                bindKey(select, 1 + 5 * i, keys.get(Math.min(i, keys.size() - 1)));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant());
                    rows.put(key, RollupCell.read(rs, 6));
                }
            }
        }
        return rows;
    }

    private static void bindKey(PreparedStatement ps, int first, Key key) throws SQLException {
        ps.setLong(first, key.memberId());
        ps.setString(first + 1, key.vantage());
        ps.setString(first + 2, key.probe());
        ps.setString(first + 3, key.operation());
        ps.setObject(first + 4, OffsetDateTime.ofInstant(key.start(), ZoneOffset.UTC));
    }
}
