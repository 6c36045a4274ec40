package org.stackratings.measurement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.stackratings.agency.AgencyConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Writes probe runs and their measurements, and the metrics that mirror them. */
@ApplicationScoped
public class MeasurementStore {

    private final AgencyConfig agency;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Boolean> knownPresence = new ConcurrentHashMap<>();
    private final EntityManager em;
    private final MeasurementRollups rollups;

    public MeasurementStore(AgencyConfig agency, MeterRegistry registry, Clock clock, EntityManager em,
                            MeasurementRollups rollups) {
        this.agency = agency;
        this.em = em;
        this.rollups = rollups;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID startRun(long memberId, String probe, RunTrigger trigger) {
        ProbeRun run = new ProbeRun();
        run.id = UUID.randomUUID();
        run.memberId = memberId;
        run.probe = probe;
        run.vantage = agency.vantage();
        run.trigger = trigger;
        run.startedAt = clock.instant();
        run.status = RunStatus.RUNNING;
        run.persist();
        return run.id;
    }

    /** Whether the member has a run of this probe still RUNNING that started after {@code since}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hasRunningRun(long memberId, String probe, Instant since) {
        return ProbeRun.count("memberId = ?1 and probe = ?2 and status = ?3 and startedAt > ?4",
                memberId, probe, RunStatus.RUNNING, since) > 0;
    }

    /**
     * Closes runs of this vantage still RUNNING that started before {@code before}: the agency stopped while they were
     * in flight, so they are INCONCLUSIVE. Returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int abandonStaleRuns(String probe, Instant before) {
        return (int) ProbeRun.update("status = ?1, finishedAt = ?2, summary = ?3 where probe = ?4 and vantage = ?5"
                        + " and status = ?6 and startedAt < ?7", RunStatus.INCONCLUSIVE, clock.instant(),
                "the agency stopped while this run was in flight", probe, agency.vantage(), RunStatus.RUNNING, before);
    }

    /**
     * Stores the run's measurements, folds them into their hours' rollups ({@link MeasurementRollups}) and closes
     * the run, in one transaction. Measurements go in as one JDBC batch.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finishRun(UUID runId, String memberSlug, RunStatus status, String summary, List<OperationResult> results) {
        ProbeRun run = ProbeRun.findById(runId);
        if (run == null) {
            throw new IllegalStateException("probe run " + runId + " vanished before it finished");
        }
        em.unwrap(Session.class).doWork(connection -> {
            insertMeasurements(connection, run, results);
            RollupWriter.fold(connection, List.of(new RollupWriter.RunResults(run.memberId, run.vantage, run.probe,
                    run.startedAt, status == RunStatus.COMPLETED, results)));
        });
        run.status = status;
        run.summary = summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 999) + "…";
        run.finishedAt = clock.instant();
        results.forEach(r -> meter(memberSlug, r));
    }

    private static void insertMeasurements(Connection connection, ProbeRun run, List<OperationResult> results)
            throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into measurement (member_id, vantage, probe,"
                + " run_id, operation, started_at, duration_ms, outcome, http_status, error_class, detail)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OperationResult result : results) {
                insert.setLong(1, run.memberId);
                insert.setString(2, run.vantage);
                insert.setString(3, run.probe);
                insert.setObject(4, run.id);
                insert.setString(5, result.operation());
                insert.setObject(6, OffsetDateTime.ofInstant(result.startedAt(), ZoneOffset.UTC));
                insert.setDouble(7, result.durationMs());
                insert.setString(8, result.outcome().name());
                if (result.httpStatus() == null) {
                    insert.setNull(9, Types.INTEGER);
                } else {
                    insert.setInt(9, result.httpStatus());
                }
                insert.setString(10, result.errorClass());
                insert.setString(11, result.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A capability's result to store: status, evidence (JSON) and its measurement. */
    public record ComplianceRecord(String capability, String status, String evidenceJson, OperationResult measurement) {
    }

    /** Closes a compliance run: its measurements and the latest result per capability, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finishCompliance(UUID runId, String memberSlug, String guideline, String summary, List<ComplianceRecord> records) {
        finishRun(runId, memberSlug, RunStatus.COMPLETED, summary, records.stream().map(ComplianceRecord::measurement).toList());
        ProbeRun run = ProbeRun.findById(runId);
        for (ComplianceRecord record : records) {
            ComplianceResult.Key key = new ComplianceResult.Key(run.memberId, record.capability());
            ComplianceResult existing = ComplianceResult.findById(key);
            ComplianceResult result = existing == null ? new ComplianceResult() : existing;
            result.id = key;
            result.guideline = guideline;
            result.status = record.status();
            result.evidence = record.evidenceJson();
            result.runId = runId;
            result.checkedAt = record.measurement().startedAt();
            if (existing == null) {
                result.persist();
            }
        }
    }

    /**
     * Records whether a member's catalog offers a service, writing only when that changes
     * (a missing service is recorded once, not as an error in every run).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordPresence(long memberId, String service, boolean present, Instant seenAt) {
        String key = memberId + "/" + service;
        Boolean known = knownPresence.get(key);
        if (known != null && known == present) {
            return;
        }
        ServicePresence row = ServicePresence.find(memberId, service);
        if (row == null) {
            row = new ServicePresence();
            row.id = new ServicePresence.Key(memberId, service);
            row.present = present;
            row.since = seenAt;
            row.persist();
        } else if (row.present != present) {
            row.present = present;
            row.since = seenAt;
        }
        knownPresence.put(key, present);
    }

    private void meter(String member, OperationResult result) {
        Timer.builder("stackratings.probe.operation.duration")
                .description("Duration of probe operations as measured against member clouds")
                .tags("member", member, "operation", result.operation())
                .publishPercentileHistogram(false)
                .register(registry)
                .record((long) (result.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
        Counter.builder("stackratings.probe.operation.outcomes")
                .description("Probe operation outcomes")
                .tags("member", member, "operation", result.operation(), "outcome", result.outcome().name())
                .register(registry)
                .increment();
    }
}
