package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes history that this agency's probes did not measure (the sandbox backfill in dev mode): probe runs with trigger
 * {@link RunTrigger#BACKFILL}, each standing for the runs of a period ({@link ProbeRun#coveredRuns}), and hourly rollup
 * rows in the format {@link MeasurementRollups} keeps (with {@link LatencySketch}es); both are folded into the daily
 * and run rollups ({@link RollupWriter}) in the same transaction, as stored runs are. No raw measurement rows are
 * written. Callers mark the data with a vantage of their own.
 */
@ApplicationScoped
public class HistoryImport {

    /**
     * One hourly rollup row of an operation: outcome counts, and the OK durations' sketch, sum, minimum and maximum
     * (minimum and maximum are ignored when the sketch is empty).
     */
    public record ImportedRollup(String operation, Instant hour, long ok, long error, long timeout, long inconclusive,
                                 LatencySketch latency, double sumMs, double minMs, double maxMs) {

        public ImportedRollup {
            if (!hour.equals(MeasurementRollups.hourOf(hour))) {
                throw new IllegalArgumentException("a rollup hour starts on the hour, not at " + hour);
            }
        }
    }

    /** One run row that stands for {@code coveredRuns} runs in [{@code startedAt}, {@code finishedAt}). */
    public record ImportedRun(String probe, Instant startedAt, Instant finishedAt, int coveredRuns, String summary) {

        public ImportedRun {
            if (coveredRuns < 1) {
                throw new IllegalArgumentException("an imported run stands for at least one run");
            }
            summary = summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 999) + "…";
        }
    }

    private final EntityManager em;

    public HistoryImport(EntityManager em) {
        this.em = em;
    }

    /**
     * Writes the runs (status COMPLETED, trigger BACKFILL) as one JDBC batch, in the caller's transaction. Run ids are
     * derived from member, vantage, probe and start, so the same history gets the same ids.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addRuns(long memberId, String vantage, List<ImportedRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into probe_run (id, member_id, probe,"
                    + " vantage, trigger_kind, started_at, finished_at, status, summary, covered_runs)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ImportedRun run : runs) {
                    insert.setObject(1, UUID.nameUUIDFromBytes((memberId + "/" + vantage + "/" + run.probe() + "/"
                            + run.startedAt()).getBytes(StandardCharsets.UTF_8)));
                    insert.setLong(2, memberId);
                    insert.setString(3, run.probe());
                    insert.setString(4, vantage);
                    insert.setString(5, RunTrigger.BACKFILL.name());
                    insert.setObject(6, OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
                    insert.setObject(7, OffsetDateTime.ofInstant(run.finishedAt(), ZoneOffset.UTC));
                    insert.setString(8, RunStatus.COMPLETED.name());
                    insert.setString(9, run.summary());
                    insert.setInt(10, run.coveredRuns());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<String, Map<Instant, Long>> byProbe = new TreeMap<>();
            runs.forEach(run -> byProbe.computeIfAbsent(run.probe(), p -> new TreeMap<>())
                    .merge(run.startedAt(), (long) run.coveredRuns(), Long::sum));
            for (Map.Entry<String, Map<Instant, Long>> probe : byProbe.entrySet()) {
                RollupWriter.countRuns(connection, memberId, vantage, probe.getKey(), probe.getValue());
            }
        });
    }

    /**
     * Inserts hourly rollup rows (as {@link MeasurementRollups} keeps them: outcome counts, a {@link LatencySketch} of
     * the OK durations, their sum, minimum and maximum) under the vantage, as one JDBC batch in the caller's
     * transaction. The rows must not exist yet: imported history gets a vantage of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addRollups(long memberId, String vantage, String probe, List<ImportedRollup> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into measurement_rollup (member_id,"
                    + " vantage, probe, operation, hour_start, ok_count, error_count, timeout_count, inconclusive_count,"
                    + " latency, sum_ms, min_ms, max_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ImportedRollup row : rows) {
                    insert.setLong(1, memberId);
                    insert.setString(2, vantage);
                    insert.setString(3, probe);
                    insert.setString(4, row.operation());
                    insert.setObject(5, OffsetDateTime.ofInstant(row.hour(), ZoneOffset.UTC));
                    insert.setLong(6, row.ok());
                    insert.setLong(7, row.error());
                    insert.setLong(8, row.timeout());
                    insert.setLong(9, row.inconclusive());
                    if (row.latency().count() == 0) {
                        insert.setNull(10, Types.BINARY);
                        insert.setNull(12, Types.DOUBLE);
                        insert.setNull(13, Types.DOUBLE);
                    } else {
                        insert.setBytes(10, row.latency().encode());
                        insert.setDouble(12, row.minMs());
                        insert.setDouble(13, row.maxMs());
                    }
                    insert.setDouble(11, row.sumMs());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<RollupWriter.Key, RollupCell> hours = new TreeMap<>();
            for (ImportedRollup row : rows) {
                hours.merge(new RollupWriter.Key(memberId, vantage, probe, row.operation(), row.hour()),
                        RollupCell.of(row.ok(), row.error(), row.timeout(), row.inconclusive(), row.latency(), row.sumMs(),
                                row.minMs(), row.maxMs()), (a, b) -> {
                            a.add(b);
                            return a;
                        });
            }
            RollupWriter.foldHoursIntoDays(connection, hours);
        });
    }

    /** The span of the member's imported history: first start and last end of its BACKFILL runs. */
    public record Span(Instant from, Instant to) {
    }

    @Transactional
    public Optional<Span> importedSpan(long memberId) {
        Object[] span = em.createQuery("select min(r.startedAt), max(r.finishedAt) from ProbeRun r"
                        + " where r.memberId = :m and r.trigger = :t", Object[].class)
                .setParameter("m", memberId).setParameter("t", RunTrigger.BACKFILL).getSingleResult();
        return span[0] == null ? Optional.empty() : Optional.of(new Span((Instant) span[0], (Instant) span[1]));
    }

    /** Whether any run of the member, of any kind, started before the instant. */
    @Transactional
    public boolean hasRunsBefore(long memberId, Instant before) {
        return ProbeRun.count("memberId = ?1 and startedAt < ?2", memberId, before) > 0;
    }
}
