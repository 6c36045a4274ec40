package org.stackratings.measurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the starts and ends of many probe runs on one connection, in its transaction: new runs as one multi-row
 * insert; for ended runs, their rows read by id, closed by one multi-row merge, their measurements inserted as
 * multi-row inserts and folded into the rollups together ({@link RollupWriter}).
 */
final class RunWrites {

    /** A run to open ({@code RUNNING}). */
    record Start(UUID id, long memberId, String probe, String vantage, RunTrigger trigger, Instant startedAt) {
    }

    /** A run to close, with its measurements. */
    record Finish(UUID id, RunStatus status, String summary, Instant finishedAt, List<OperationResult> results) {
    }

    /** What a stored run is. */
    private record Run(long memberId, String vantage, String probe, Instant startedAt, boolean running) {
    }

    private static final MultiRowStatement INSERT_RUN = new MultiRowStatement("insert into probe_run (id, member_id, probe,"
            + " vantage, trigger_kind, started_at, status) values ", "(?, ?, ?, ?, ?, ?, 'RUNNING')", "");
    private static final MultiRowStatement CLOSE_RUN = new MultiRowStatement("merge into probe_run r using (values ",
            "(cast(? as uuid), cast(? as varchar(16)), cast(? as varchar(1000)), cast(? as timestamp with time zone))",
            ") as v (id, status, summary, finished_at) on r.id = v.id"
                    // a run the reaper already closed (INCONCLUSIVE: its instance seemed gone) stays closed
                    + " when matched and r.status = 'RUNNING' then update set status = v.status, summary = v.summary,"
                    + " finished_at = v.finished_at");
    private static final MultiRowStatement INSERT_MEASUREMENT = new MultiRowStatement("insert into measurement (member_id,"
            + " vantage, probe, run_id, operation, started_at, duration_ms, outcome, http_status, error_class, detail) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "");

    private RunWrites() {
    }

    static void write(Connection connection, List<Start> starts, List<Finish> finishes) throws SQLException {
        if (!starts.isEmpty()) {
            INSERT_RUN.execute(connection, starts.size(), (ps, first, i) -> {
                Start s = starts.get(i);
                ps.setObject(first, s.id());
                ps.setLong(first + 1, s.memberId());
                ps.setString(first + 2, s.probe());
                ps.setString(first + 3, s.vantage());
                ps.setString(first + 4, s.trigger().name());
                ps.setObject(first + 5, utc(s.startedAt()));
            });
        }
        if (finishes.isEmpty()) {
            return;
        }
        Map<UUID, Run> runs = runs(connection, finishes);
        CLOSE_RUN.execute(connection, finishes.size(), (ps, first, i) -> {
            Finish f = finishes.get(i);
            ps.setObject(first, f.id());
            ps.setString(first + 1, f.status().name());
            ps.setString(first + 2, f.summary());
            ps.setObject(first + 3, utc(f.finishedAt()));
        });
        List<Finish> owners = new ArrayList<>();
        List<OperationResult> measurements = new ArrayList<>();
        List<RollupWriter.RunResults> folds = new ArrayList<>();
        for (Finish f : finishes) {
            Run run = runs.get(f.id());
            for (OperationResult r : f.results()) {
                owners.add(f);
                measurements.add(r);
            }
            // a run the reaper closed meanwhile stays INCONCLUSIVE (the merge's guard): its measurements are real
            // and kept, but it is not counted as a completed run
            folds.add(new RollupWriter.RunResults(run.memberId(), run.vantage(), run.probe(), run.startedAt(),
                    f.status() == RunStatus.COMPLETED && run.running(), f.results()));
        }
        INSERT_MEASUREMENT.execute(connection, measurements.size(), (ps, first, i) -> {
            UUID id = owners.get(i).id();
            Run run = runs.get(id);
            OperationResult r = measurements.get(i);
            ps.setLong(first, run.memberId());
            ps.setString(first + 1, run.vantage());
            ps.setString(first + 2, run.probe());
            ps.setObject(first + 3, id);
            ps.setString(first + 4, r.operation());
            ps.setObject(first + 5, utc(r.startedAt()));
            ps.setDouble(first + 6, r.durationMs());
            ps.setString(first + 7, r.outcome().name());
            if (r.httpStatus() == null) {
                ps.setNull(first + 8, Types.INTEGER);
            } else {
                ps.setInt(first + 8, r.httpStatus());
            }
            ps.setString(first + 9, r.errorClass());
            ps.setString(first + 10, r.detail());
        });
        RollupWriter.fold(connection, folds);
    }

    /** The stored runs of the finishes, by id; a run that does not exist fails the write. */
    private static Map<UUID, Run> runs(Connection connection, List<Finish> finishes) throws SQLException {
        Map<UUID, Run> runs = new HashMap<>();
        List<UUID> ids = finishes.stream().map(Finish::id).distinct().toList();
        try (PreparedStatement select = connection.prepareStatement("select id, member_id, vantage, probe, started_at,"
                + " status from probe_run where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.put(rs.getObject(1, UUID.class), new Run(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), RunStatus.RUNNING.name().equals(rs.getString(6))));
                }
            }
        }
        for (UUID id : ids) {
            if (!runs.containsKey(id)) {
                throw new IllegalStateException("probe run " + id + " vanished before it finished");
            }
        }
        return runs;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
