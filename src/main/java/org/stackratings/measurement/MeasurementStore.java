package org.stackratings.measurement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.agency.AgencyConfig;

import java.time.Clock;
import java.time.Instant;
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

    public MeasurementStore(AgencyConfig agency, MeterRegistry registry, Clock clock) {
        this.agency = agency;
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

    /** Stores the run's measurements and closes the run, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finishRun(UUID runId, String memberSlug, RunStatus status, String summary, List<OperationResult> results) {
        ProbeRun run = ProbeRun.findById(runId);
        if (run == null) {
            throw new IllegalStateException("probe run " + runId + " vanished before it finished");
        }
        for (OperationResult result : results) {
            Measurement m = new Measurement();
            m.memberId = run.memberId;
            m.vantage = run.vantage;
            m.probe = run.probe;
            m.runId = run.id;
            m.operation = result.operation();
            m.startedAt = result.startedAt();
            m.durationMs = result.durationMs();
            m.outcome = result.outcome();
            m.httpStatus = result.httpStatus();
            m.errorClass = result.errorClass();
            m.detail = result.detail();
            m.persist();
        }
        run.status = status;
        run.summary = summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 999) + "…";
        run.finishedAt = clock.instant();
        results.forEach(r -> meter(memberSlug, r));
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
