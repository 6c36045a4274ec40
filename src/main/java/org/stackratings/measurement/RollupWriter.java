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
 * nothing), are locked the same way, and every row is then set to its sum by one multi-row {@code merge}
 * ({@link MultiRowStatement}). Run rows are incremented in key order, and inserted when they do not exist yet.
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

    /**
     * Folds rows that are already summed per hour (imported history, written to the hourly table by the caller) into
     * the daily level, in the caller's transaction.
     */
    static void foldHoursIntoDays(Connection connection, Map<Key, RollupCell> hours) throws SQLException {
        TreeMap<Key, RollupCell> days = new TreeMap<>();
        hours.forEach((hour, cell) -> days.computeIfAbsent(new Key(hour.memberId(), hour.vantage(), hour.probe(),
                hour.operation(), RollupLevel.DAY.startOf(hour.start())), k -> new RollupCell()).add(cell));
        if (!days.isEmpty()) {
            fold(connection, RollupLevel.DAY, days);
        }
    }

    /**
     * Counts completed runs into the run rollups of both levels: each entry is a run's start and how many runs it
     * stands for (1, or more for a row of imported history).
     */
    static void countRuns(Connection connection, long memberId, String vantage, String probe,
                          Map<Instant, Long> runsByStart) throws SQLException {
        for (RollupLevel level : RollupLevel.values()) {
            TreeMap<RunKey, Long> completed = new TreeMap<>();
            runsByStart.forEach((start, runs) -> completed.merge(new RunKey(memberId, vantage, probe, level.startOf(start)),
                    runs, Long::sum));
            if (!completed.isEmpty()) {
                countRuns(connection, level, completed);
            }
        }
    }

    /**
     * Adds completed runs to their rows: each existing row incremented (one statement per row, in key order, so each
     * takes its row lock in the order every transaction uses); rows that do not exist yet are inserted empty
     * ({@code on conflict do nothing}: a concurrent insert of the same key is waited for) and then incremented.
     */
    private static void countRuns(Connection connection, RollupLevel level, TreeMap<RunKey, Long> completed)
            throws SQLException {
        List<Map.Entry<RunKey, Long>> missing = increment(connection, level, new ArrayList<>(completed.entrySet()));
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + level.runTable + " (member_id,"
                + " vantage, probe, " + level.timeColumn + ", completed_runs) values (?, ?, ?, ?, 0) on conflict do nothing")) {
            for (Map.Entry<RunKey, Long> e : missing) {
                bindRunKey(insert, 1, e.getKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<Map.Entry<RunKey, Long>> stillMissing = increment(connection, level, missing);
        if (!stillMissing.isEmpty()) {
            throw new IllegalStateException(level.runTable + " rows " + stillMissing + " vanished after their insert");
        }
    }

    /** Increments the rows of the entries (in their order); returns the entries whose row does not exist. */
    private static List<Map.Entry<RunKey, Long>> increment(Connection connection, RollupLevel level,
                                                           List<Map.Entry<RunKey, Long>> entries) throws SQLException {
        List<Map.Entry<RunKey, Long>> missing = new ArrayList<>();
        if (entries.isEmpty()) {
            return missing;
        }
        try (PreparedStatement update = connection.prepareStatement("update " + level.runTable + " set completed_runs"
                + " = completed_runs + ? where member_id = ? and vantage = ? and probe = ? and " + level.timeColumn + " = ?")) {
            for (Map.Entry<RunKey, Long> e : entries) {
                update.setLong(1, e.getValue());
                bindRunKey(update, 2, e.getKey());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(entries.get(i));
                }
            }
        }
        return missing;
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
        List<Key> keys = new ArrayList<>(deltas.size());
        List<RollupCell> sums = new ArrayList<>(deltas.size());
        for (Map.Entry<Key, RollupCell> e : deltas.entrySet()) {
            RollupCell row = rows.get(e.getKey());
            if (row == null) {
                throw new IllegalStateException(level.table + " row " + e.getKey() + " vanished while locked");
            }
            row.add(e.getValue());
            keys.add(e.getKey());
            sums.add(row);
        }
        // the rows are locked by this transaction already, so the order in which the merge updates them does not matter
        UPDATES.get(level).execute(connection, keys.size(), (ps, first, i) -> {
            bindKey(ps, first, keys.get(i));
            sums.get(i).bind(ps, first + 5);
        });
    }

    private static final Map<RollupLevel, MultiRowStatement> UPDATES = new java.util.EnumMap<>(RollupLevel.class);
    private static final Map<RollupLevel, MultiRowStatement> INSERTS = new java.util.EnumMap<>(RollupLevel.class);

    static {
        for (RollupLevel level : RollupLevel.values()) {
            UPDATES.put(level, update(level));
            INSERTS.put(level, new MultiRowStatement("insert into " + level.table + " (member_id, vantage, probe, operation, "
                    + level.timeColumn + ", ok_count, error_count, timeout_count, inconclusive_count, latency, sum_ms,"
                    + " min_ms, max_ms) values ", "(?, ?, ?, ?, ?, 0, 0, 0, 0, null, 0, null, null)", " on conflict do nothing"));
        }
    }

    private static MultiRowStatement update(RollupLevel level) {
        return new MultiRowStatement("merge into " + level.table + " r using (values ",
                "(cast(? as bigint), cast(? as varchar(64)), cast(? as varchar(32)), cast(? as varchar(128)),"
                        + " cast(? as timestamp with time zone), cast(? as bigint), cast(? as bigint), cast(? as bigint),"
                        + " cast(? as bigint), cast(? as bytea), cast(? as double precision), cast(? as double precision),"
                        + " cast(? as double precision))",
                ") as v (member_id, vantage, probe, operation, t, ok_count, error_count, timeout_count,"
                        + " inconclusive_count, latency, sum_ms, min_ms, max_ms)"
                        + " on r.member_id = v.member_id and r.vantage = v.vantage and r.probe = v.probe"
                        + " and r.operation = v.operation and r." + level.timeColumn + " = v.t"
                        + " when matched then update set ok_count = v.ok_count, error_count = v.error_count,"
                        + " timeout_count = v.timeout_count, inconclusive_count = v.inconclusive_count, latency = v.latency,"
                        + " sum_ms = v.sum_ms, min_ms = v.min_ms, max_ms = v.max_ms");
    }

    private static void insertEmpty(Connection connection, RollupLevel level, List<Key> keys) throws SQLException {
        INSERTS.get(level).execute(connection, keys.size(), (ps, first, i) -> bindKey(ps, first, keys.get(i)));
    }

    /**
     * Locks the rows of the keys in key order and returns their current values; keys without a row are absent. One
     * statement selects the rows of the keys' members, vantages, probes and operations between their first and last
     * hour (or day), which is the keys themselves in the usual batch of one hour (with arrays, its text and plan are
     * the same for any number of keys, and its cost grows with the rows, not with their square as a list of
     * {@code (a, b, …) in ((…), (…))} does); rows beyond the keys are locked too, harmlessly, in the same order.
     */
    private static Map<Key, RollupCell> lock(Connection connection, RollupLevel level, List<Key> keys) throws SQLException {
        String sql = "select member_id, vantage, probe, operation, " + level.timeColumn + ", ok_count, error_count,"
                + " timeout_count, inconclusive_count, latency, sum_ms, min_ms, max_ms from " + level.table
                + " where member_id = any(?) and vantage = any(?) and probe = any(?) and operation = any(?)"
                + " and " + level.timeColumn + " >= ? and " + level.timeColumn + " <= ?"
                + " order by member_id, vantage, probe, operation, " + level.timeColumn + " for update";
        java.util.Set<Key> wanted = new java.util.HashSet<>(keys);
        Map<Key, RollupCell> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", keys.stream().map(Key::memberId).distinct().toArray()));
            select.setArray(2, connection.createArrayOf("varchar", keys.stream().map(Key::vantage).distinct().toArray()));
            select.setArray(3, connection.createArrayOf("varchar", keys.stream().map(Key::probe).distinct().toArray()));
            select.setArray(4, connection.createArrayOf("varchar", keys.stream().map(Key::operation).distinct().toArray()));
            select.setObject(5, utc(keys.stream().map(Key::start).min(Instant::compareTo).orElseThrow()));
            select.setObject(6, utc(keys.stream().map(Key::start).max(Instant::compareTo).orElseThrow()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant());
                    if (wanted.contains(key)) {
                        rows.put(key, RollupCell.read(rs, 6));
                    }
                }
            }
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void bindKey(PreparedStatement ps, int first, Key key) throws SQLException {
        ps.setLong(first, key.memberId());
        ps.setString(first + 1, key.vantage());
        ps.setString(first + 2, key.probe());
        ps.setString(first + 3, key.operation());
        ps.setObject(first + 4, OffsetDateTime.ofInstant(key.start(), ZoneOffset.UTC));
    }
}
