package org.stackratings.measurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the rollup rows that migration V10 introduced from the rows that exist then: the daily measurement rows
 * from the hourly ones, and the hourly and daily counts of completed runs from {@code probe_run}. From then on
 * {@link RollupWriter} folds every stored run into all of them.
 */
public final class RollupRebuild {

    private static final int BATCH = 1_000;

    private RollupRebuild() {
    }

    /** Builds every member's rows (the tables must hold none of them yet); returns how many rows it wrote. */
    public static long rebuild(Connection connection) throws SQLException {
        long written = measurementDays(connection, "", null);
        List<Long> members = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id from member order by id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                members.add(rs.getLong(1));
            }
        }
        for (long member : members) {
            written += runs(connection, member);
        }
        return written;
    }

    /** {@link #rebuild(Connection)} for one member. */
    static long rebuild(Connection connection, long memberId) throws SQLException {
        return measurementDays(connection, " where member_id = ?", memberId) + runs(connection, memberId);
    }

    private static long measurementDays(Connection connection, String where, Long memberId) throws SQLException {
        long written = 0;
        try (PreparedStatement select = connection.prepareStatement("select member_id, vantage, probe, operation, hour_start,"
                + " ok_count, error_count, timeout_count, inconclusive_count, latency, sum_ms, min_ms, max_ms"
                + " from measurement_rollup" + where + " order by member_id, vantage, probe, operation, hour_start");
             PreparedStatement insert = connection.prepareStatement("insert into measurement_rollup_day (member_id, vantage,"
                     + " probe, operation, day_start, ok_count, error_count, timeout_count, inconclusive_count, latency,"
                     + " sum_ms, min_ms, max_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            if (memberId != null) {
                select.setLong(1, memberId);
            }
            select.setFetchSize(10_000);
            RollupWriter.Key day = null;
            RollupCell sum = null;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RollupWriter.Key key = new RollupWriter.Key(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), RollupLevel.DAY.startOf(rs.getObject(5, OffsetDateTime.class).toInstant()));
                    if (!key.equals(day)) {
                        if (day != null) {
                            addDay(insert, day, sum);
                            if (++written % BATCH == 0) {
                                insert.executeBatch();
                            }
                        }
                        day = key;
                        sum = new RollupCell();
                    }
                    sum.add(RollupCell.read(rs, 6));
                }
            }
            if (day != null) {
                addDay(insert, day, sum);
                written++;
            }
            insert.executeBatch();
        }
        return written;
    }

    private static void addDay(PreparedStatement insert, RollupWriter.Key key, RollupCell cell) throws SQLException {
        insert.setLong(1, key.memberId());
        insert.setString(2, key.vantage());
        insert.setString(3, key.probe());
        insert.setString(4, key.operation());
        insert.setObject(5, utc(key));
        cell.bind(insert, 6);
        insert.addBatch();
    }

    /** The member's completed runs counted per vantage, probe and hour, and per day. */
    private static long runs(Connection connection, long memberId) throws SQLException {
        Map<RollupLevel, TreeMap<RollupWriter.RunKey, Long>> counts = Map.of(RollupLevel.HOUR, new TreeMap<>(),
                RollupLevel.DAY, new TreeMap<>());
        try (PreparedStatement select = connection.prepareStatement("select vantage, probe, started_at from probe_run"
                + " where member_id = ? and status = 'COMPLETED'")) {
            select.setLong(1, memberId);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    java.time.Instant started = rs.getObject(3, OffsetDateTime.class).toInstant();
                    for (RollupLevel level : RollupLevel.values()) {
                        counts.get(level).merge(new RollupWriter.RunKey(memberId, rs.getString(1), rs.getString(2),
                                level.startOf(started)), 1L, Long::sum);
                    }
                }
            }
        }
        long written = 0;
        for (RollupLevel level : RollupLevel.values()) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + level.runTable + " (member_id,"
                    + " vantage, probe, " + level.timeColumn + ", completed_runs) values (?, ?, ?, ?, ?)")) {
                for (Map.Entry<RollupWriter.RunKey, Long> e : counts.get(level).entrySet()) {
                    RollupWriter.RunKey key = e.getKey();
                    insert.setLong(1, key.memberId());
                    insert.setString(2, key.vantage());
                    insert.setString(3, key.probe());
                    insert.setObject(4, OffsetDateTime.ofInstant(key.start(), ZoneOffset.UTC));
                    insert.setLong(5, e.getValue());
                    insert.addBatch();
                    if (++written % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return written;
    }

    private static OffsetDateTime utc(RollupWriter.Key key) {
        return OffsetDateTime.ofInstant(key.start(), ZoneOffset.UTC);
    }
}
