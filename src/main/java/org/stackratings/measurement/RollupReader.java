package org.stackratings.measurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the rollups of many members at once, a few statements per {@value #CHUNK} members: the totals per probe and
 * operation over a window, the completed runs in a window, and when each member's first run started.
 *
 * <p>Member lists are padded to a power of two (repeating the last id) so that each statement's text, and the
 * database's plan of it, is one of a few.
 */
final class RollupReader {

    static final int CHUNK = 64;

    private RollupReader() {
    }

    /** Outcome counts and merged sketch of one member's operation, while they are being added up. */
    static final class Sum {
        final long[] counts = new long[4];
        final LatencySketch latency = new LatencySketch();
    }

    /**
     * Per member, probe and operation (sorted by operation): the totals over the hours that start in [{@code from}
     * rounded down to the hour, {@code to}), from daily rows for whole days and hourly rows for the rest.
     */
    static Map<Long, Map<String, Map<String, Sum>>> totals(Connection connection, List<Long> members, List<String> probes,
                                                          Instant from, Instant to) throws SQLException {
        RollupSpan span = RollupSpan.ofWindow(from, to);
        Instant[] ranges = {span.daysFrom(), span.daysTo(), span.first(), span.daysFrom(), span.daysTo(), span.end()};
        Map<Long, Map<String, Map<String, Sum>>> totals = new HashMap<>();
        for (List<Long> chunk : chunks(members)) {
            String keys = keys(chunk.size() * probes.size());
            String columns = "r.member_id, r.probe, r.operation, r.ok_count, r.error_count, r.timeout_count,"
                    + " r.inconclusive_count, r.latency";
            String sql = "select " + columns + " from " + keys + " join measurement_rollup_day r"
                    + " on r.member_id = k.member_id and r.probe = k.probe where r.day_start >= ? and r.day_start < ?"
                    + " union all select " + columns + " from " + keys + " join measurement_rollup r"
                    + " on r.member_id = k.member_id and r.probe = k.probe where r.hour_start >= ? and r.hour_start < ?"
                    + " union all select " + columns + " from " + keys + " join measurement_rollup r"
                    + " on r.member_id = k.member_id and r.probe = k.probe where r.hour_start >= ? and r.hour_start < ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                for (int part = 0; part < 3; part++) {
                    p = bindKeys(select, p, chunk, probes);
                    select.setObject(p++, utc(ranges[2 * part]));
                    select.setObject(p++, utc(ranges[2 * part + 1]));
                }
                select.setFetchSize(5_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Sum sum = totals.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                                .computeIfAbsent(rs.getString(3), k -> new Sum());
                        for (int i = 0; i < 4; i++) {
                            sum.counts[i] += rs.getLong(4 + i);
                        }
                        sum.latency.add(rs.getBytes(8));
                    }
                }
            }
        }
        return totals;
    }

    /**
     * Per member: its runs of the probe that started in [{@code from}, {@code to}) and completed, all vantages
     * together; whole days and hours from the run rollups, the partial hours at either end counted in
     * {@code probe_run} itself, so the count is exact for any window. Members without any have no entry.
     */
    static Map<Long, Long> completedRuns(Connection connection, List<Long> members, String probe, Instant from, Instant to)
            throws SQLException {
        RollupSpan span = RollupSpan.within(from, to);
        Instant[] ranges = span == null
                ? new Instant[]{to, to, to, to, to, to, from, to, to, to}
                : new Instant[]{span.daysFrom(), span.daysTo(), span.first(), span.daysFrom(), span.daysTo(), span.end(),
                from, span.first(), span.end(), to};
        Map<Long, Long> runs = new HashMap<>();
        for (List<Long> chunk : chunks(members)) {
            String keys = keys(chunk.size());
            String join = " join %s r on r.member_id = k.member_id and r.probe = k.probe where r.%s >= ? and r.%s < ?";
            String sql = "select member_id, sum(n) from ("
                    + "select r.member_id, r.completed_runs n from " + keys
                    + join.formatted("probe_run_rollup_day", "day_start", "day_start")
                    + " union all select r.member_id, r.completed_runs from " + keys
                    + join.formatted("probe_run_rollup", "hour_start", "hour_start")
                    + " union all select r.member_id, r.completed_runs from " + keys
                    + join.formatted("probe_run_rollup", "hour_start", "hour_start")
                    + " union all select r.member_id, r.covered_runs from " + keys
                    + join.formatted("probe_run", "started_at", "started_at") + " and r.status = 'COMPLETED'"
                    + " union all select r.member_id, r.covered_runs from " + keys
                    + join.formatted("probe_run", "started_at", "started_at") + " and r.status = 'COMPLETED'"
                    + ") runs group by member_id";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                for (int part = 0; part < 5; part++) {
                    p = bindKeys(select, p, chunk, List.of(probe));
                    select.setObject(p++, utc(ranges[2 * part]));
                    select.setObject(p++, utc(ranges[2 * part + 1]));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
        }
        return runs;
    }

    /** Per member: when its first run of the probe started (any status, all time). Members without any have none. */
    static Map<Long, Instant> firstRuns(Connection connection, List<Long> members, String probe) throws SQLException {
        Map<Long, Instant> first = new HashMap<>();
        for (List<Long> chunk : chunks(members)) {
            // one index look-up per member, rather than a scan of every run of the chunk's members; the first row in the
            // order of index probe_run_member_started, not min(): H2 answers min() with a where clause by reading
            // every run of the member
            String sql = "select m.id, (select r.started_at from probe_run r where r.member_id = m.id and r.probe = ?"
                    + " order by r.member_id, r.probe, r.started_at fetch first 1 rows only)"
                    + " from member m where m.id in (" + in(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, probe);
                bindMembers(select, 2, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                        if (at != null) {
                            first.put(rs.getLong(1), at.toInstant());
                        }
                    }
                }
            }
        }
        return first;
    }

    /**
     * The members in lists of at most {@value #CHUNK}, each padded to a power of two with {@value #NO_MEMBER}, an id
     * no member has (so a padded list matches the same rows, also where it is joined rather than used in {@code in}).
     */
    static List<List<Long>> chunks(List<Long> members) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < members.size(); from += CHUNK) {
            List<Long> chunk = new ArrayList<>(members.subList(from, Math.min(members.size(), from + CHUNK)));
            int padded = Integer.highestOneBit(Math.max(1, chunk.size() - 1)) << 1;
            if (chunk.size() == 1) {
                padded = 1;
            }
            chunk.addAll(Collections.nCopies(padded - chunk.size(), NO_MEMBER));
            chunks.add(chunk);
        }
        return chunks;
    }

    /** Pads member lists: identity columns start at 1. */
    static final long NO_MEMBER = -1;

    static String in(int size) {
        return "?,".repeat(size - 1) + "?";
    }

    /**
     * A table {@code k (member_id, probe)} of {@code rows} bound rows, to join the rollups on: H2 uses an index on
     * ({@code member_id}, {@code probe}, time) for a join on both columns plus a time range, but for
     * {@code member_id in (…)} it uses the first column only and reads every row of the members (all their hours of
     * all probes), which made each rating read grow with the history. PostgreSQL uses the index either way.
     */
    private static String keys(int rows) {
        return "(values " + "(cast(? as bigint), cast(? as varchar(32))),".repeat(rows - 1)
                + "(cast(? as bigint), cast(? as varchar(32)))) as k (member_id, probe)";
    }

    /** Binds every (member, probe) pair of {@link #keys}, members first; returns the next parameter index. */
    private static int bindKeys(PreparedStatement ps, int first, List<Long> members, List<String> probes)
            throws SQLException {
        int p = first;
        for (long member : members) {
            for (String probe : probes) {
                ps.setLong(p++, member);
                ps.setString(p++, probe);
            }
        }
        return p;
    }

    private static int bindMembers(PreparedStatement ps, int first, List<Long> members) throws SQLException {
        for (int i = 0; i < members.size(); i++) {
            ps.setLong(first + i, members.get(i));
        }
        return first + members.size();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
