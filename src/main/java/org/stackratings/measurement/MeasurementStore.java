package org.stackratings.measurement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.stackratings.agency.AgencyConfig;


import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Writes probe runs and their measurements, and the metrics that mirror them. */
@ApplicationScoped
public class MeasurementStore {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final AgencyConfig agency;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Boolean> knownPresence = new ConcurrentHashMap<>();
    private final EntityManager em;
    private final RunWriter writer;
    private final Event<ComplianceStored> complianceStored;
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public MeasurementStore(AgencyConfig agency, MeterRegistry registry, Clock clock, EntityManager em, RunWriter writer,
                            Event<ComplianceStored> complianceStored) {
        this.agency = agency;
        this.em = em;
        this.writer = writer;
        this.complianceStored = complianceStored;
        this.registry = registry;
        this.clock = clock;
    }

    /** Opens a run ({@code RUNNING}); returns once it is committed (written together with other runs: {@link RunWriter}). */
    public UUID startRun(long memberId, String probe, RunTrigger trigger) {
        Instant now = clock.instant();
        UUID id = timeOrderedId(now);
        writer.write(new RunWrites.Start(id, memberId, probe, agency.vantage(), trigger, now), null);
        return id;
    }

    /**
     * A version 7 UUID (RFC 9562): the start's Unix milliseconds, then random bits. Runs started one after another get
     * ids that sort together, so the primary-key index of {@code probe_run} grows at its end (as a sequence would)
     * instead of taking each new run on a random page of an index of millions.
     */
    private static UUID timeOrderedId(Instant at) {
        long random = RANDOM.nextLong();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Whether the member has a run of this probe still RUNNING that started after {@code since}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hasRunningRun(long memberId, String probe, Instant since) {
        return ProbeRun.count("memberId = ?1 and probe = ?2 and status = ?3 and startedAt > ?4",
                memberId, probe, RunStatus.RUNNING, since) > 0;
    }

    /**
     * When a run of this member and probe started, if the store has it: the reaper's second mark for what a run
     * created (a resource named for a run the agency never made is not the agency's).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RunState> runState(long memberId, String probe, UUID runId) {
        return ProbeRun.<ProbeRun>find("id = ?1 and memberId = ?2 and probe = ?3", runId, memberId, probe)
                .firstResultOptional().map(r -> new RunState(r.startedAt, r.status));
    }

    /** When a stored run started and where it stands. */
    public record RunState(Instant startedAt, RunStatus status) {
    }

    /**
     * Closes runs of a probe still RUNNING that started before {@code before}, whichever instance (vantage) started
     * them: no run lives that long, so the instance stopped or died while they were in flight, and they are
     * INCONCLUSIVE. Returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int abandonStaleRuns(String probe, Instant before) {
        return (int) ProbeRun.update("status = ?1, finishedAt = ?2, summary = ?3 where probe = ?4"
                        + " and status = ?5 and startedAt < ?6", RunStatus.INCONCLUSIVE, clock.instant(),
                "the agency stopped while this run was in flight", probe, RunStatus.RUNNING, before);
    }

    /**
     * Stores the run's measurements, folds them into their hours' and days' rollups (and the run, if it completed,
     * into the run rollups) and closes the run, in one transaction, which other runs finishing at the same moment
     * share ({@link RunWriter}); returns once it is committed.
     */
    public void finishRun(UUID runId, String memberSlug, RunStatus status, String summary, List<OperationResult> results) {
        writer.write(null, finish(runId, status, summary, results));
        results.forEach(r -> meter(memberSlug, r));
    }

    private RunWrites.Finish finish(UUID runId, RunStatus status, String summary, List<OperationResult> results) {
        return new RunWrites.Finish(runId, status,
                summary == null || summary.length() <= 1000 ? summary : summary.substring(0, 999) + "…",
                clock.instant(), List.copyOf(results));
    }

    /** A capability's result to store: status, evidence (JSON) and its measurement. */
    public record ComplianceRecord(String capability, String status, String evidenceJson, OperationResult measurement) {
    }

    /** Closes a compliance run: its measurements and the latest result per capability, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finishCompliance(UUID runId, String memberSlug, String guideline, String summary, List<ComplianceRecord> records) {
        List<OperationResult> results = records.stream().map(ComplianceRecord::measurement).toList();
        completeInTransaction(runId, memberSlug, summary, results);
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
        complianceStored.fire(new ComplianceStored(run.memberId, runId));
    }

    /**
     * Closes a run as COMPLETED with its measurements inside the caller's transaction, for a store that writes its
     * own rows of the run with them (compliance results, the conformance run's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeInTransaction(UUID runId, String memberSlug, String summary, List<OperationResult> results) {
        RunWrites.Finish finish = finish(runId, RunStatus.COMPLETED, summary, results);
        em.unwrap(Session.class).doWork(connection -> RunWrites.write(connection, List.of(), List.of(finish)));
        results.forEach(r -> meter(memberSlug, r));
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
        // two runs of one member (a manual one beside a scheduled one) may both see the service first: the insert
        // does nothing for the second, which waits for the first to commit, and the update then changes a row only
        // when the presence changed
        OffsetDateTime since = OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC);
        em.createNativeQuery("insert into service_presence (member_id, service, present, since) values (?1, ?2, ?3, ?4)"
                        + " on conflict do nothing")
                .setParameter(1, memberId).setParameter(2, service).setParameter(3, present).setParameter(4, since)
                .executeUpdate();
        em.createNativeQuery("update service_presence set present = ?1, since = ?2"
                        + " where member_id = ?3 and service = ?4 and present <> ?1")
                .setParameter(1, present).setParameter(2, since).setParameter(3, memberId).setParameter(4, service)
                .executeUpdate();
        knownPresence.put(key, present);
    }

    /** The run's metrics; the meters are registered once per member, operation (and outcome) and kept. */
    private void meter(String member, OperationResult result) {
        timers.computeIfAbsent(List.of(member, result.operation()), k -> Timer.builder("stackratings.probe.operation.duration")
                        .description("Duration of probe operations as measured against member clouds")
                        .tags("member", member, "operation", result.operation())
                        .publishPercentileHistogram(false)
                        .register(registry))
                .record((long) (result.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
        counters.computeIfAbsent(List.of(member, result.operation(), result.outcome().name()),
                        k -> Counter.builder("stackratings.probe.operation.outcomes")
                                .description("Probe operation outcomes")
                                .tags("member", member, "operation", result.operation(), "outcome", result.outcome().name())
                                .register(registry))
                .increment();
    }
}
