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
            String in = in(chunk.size());
            String probeIn = "?,".repeat(probes.size() - 1) + "?";
            String columns = "member_id, probe, operation, ok_count, error_count, timeout_count, inconclusive_count, latency";
            String sql = "select " + columns + " from measurement_rollup_day where member_id in (" + in + ")"
                    + " and probe in (" + probeIn + ") and day_start >= ? and day_start < ?"
                    + " union all select " + columns + " from measurement_rollup where member_id in (" + in + ")"
                    + " and probe in (" + probeIn + ") and hour_start >= ? and hour_start < ?"
                    + " union all select " + columns + " from measurement_rollup where member_id in (" + in + ")"
                    + " and probe in (" + probeIn + ") and hour_start >= ? and hour_start < ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                for (int part = 0; part < 3; part++) {
                    p = bindMembers(select, p, chunk);
                    for (String probe : probes) {
                        select.setString(p++, probe);
                    }
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
            String in = in(chunk.size());
            String sql = "select member_id, sum(n) from ("
                    + "select member_id, completed_runs n from probe_run_rollup_day where member_id in (" + in + ")"
                    + " and probe = ? and day_start >= ? and day_start < ?"
                    + " union all select member_id, completed_runs from probe_run_rollup where member_id in (" + in + ")"
                    + " and probe = ? and hour_start >= ? and hour_start < ?"
                    + " union all select member_id, completed_runs from probe_run_rollup where member_id in (" + in + ")"
                    + " and probe = ? and hour_start >= ? and hour_start < ?"
                    + " union all select member_id, covered_runs from probe_run where member_id in (" + in + ")"
                    + " and probe = ? and status = 'COMPLETED' and started_at >= ? and started_at < ?"
                    + " union all select member_id, covered_runs from probe_run where member_id in (" + in + ")"
                    + " and probe = ? and status = 'COMPLETED' and started_at >= ? and started_at < ?"
                    + ") runs group by member_id";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                for (int part = 0; part < 5; part++) {
                    p = bindMembers(select, p, chunk);
                    select.setString(p++, probe);
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

    /** The members in lists of at most {@value #CHUNK}, each padded to a power of two by repeating its last id. */
    static List<List<Long>> chunks(List<Long> members) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < members.size(); from += CHUNK) {
            List<Long> chunk = new ArrayList<>(members.subList(from, Math.min(members.size(), from + CHUNK)));
            int padded = Integer.highestOneBit(Math.max(1, chunk.size() - 1)) << 1;
            if (chunk.size() == 1) {
                padded = 1;
            }
            chunk.addAll(Collections.nCopies(padded - chunk.size(), chunk.get(chunk.size() - 1)));
            chunks.add(chunk);
        }
        return chunks;
    }

    static String in(int size) {
        return "?,".repeat(size - 1) + "?";
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
