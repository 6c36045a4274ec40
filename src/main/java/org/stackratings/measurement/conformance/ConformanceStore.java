package org.stackratings.measurement.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;

/**
 * The conformance runs' results: stored with the run's measurements in one transaction, read back as
 * {@link ConformanceOutcome}s (a member's latest for a guideline, its history, one run).
 */
@ApplicationScoped
public class ConformanceStore {

    private final MeasurementStore measurements;
    private final Event<ConformanceStored> stored;

    ConformanceStore(MeasurementStore measurements, Event<ConformanceStored> stored) {
        this.measurements = measurements;
        this.stored = stored;
    }

    /** Closes the run (COMPLETED, with its measurements) and stores its outcome, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(ConformanceOutcome outcome, String memberSlug, String summary, List<OperationResult> results) {
        measurements.completeInTransaction(outcome.runId(), memberSlug, summary, results);
        ConformanceRunRow run = new ConformanceRunRow();
        run.runId = outcome.runId();
        run.memberId = outcome.memberId();
        run.guideline = outcome.guideline();
        run.target = outcome.target();
        run.finishedAt = outcome.finishedAt();
        run.passed = (int) outcome.count(ConformanceStatus.PASS);
        run.failed = (int) outcome.count(ConformanceStatus.FAIL);
        run.notApplicable = (int) outcome.count(ConformanceStatus.NOT_APPLICABLE);
        run.notChecked = (int) outcome.count(ConformanceStatus.NOT_CHECKED);
        run.evidenceDigest = outcome.evidenceDigest();
        run.persist();
        int position = 0;
        for (CapabilityOutcome c : outcome.capabilities()) {
            ConformanceResultRow row = new ConformanceResultRow();
            row.position = position++;
            row.id = new ConformanceResultRow.Key(outcome.runId(), c.capability());
            row.status = c.status();
            row.reason = c.reason();
            row.evidence = c.evidenceJson();
            row.persist();
        }
        stored.fire(new ConformanceStored(outcome.memberId(), outcome.runId(), outcome.guideline()));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ConformanceOutcome> run(UUID runId) {
        return ConformanceRunRow.<ConformanceRunRow>findByIdOptional(runId).map(ConformanceStore::outcome);
    }

    /** The member's latest run of the guideline, if any. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ConformanceOutcome> latest(long memberId, String guideline) {
        return ConformanceRunRow.<ConformanceRunRow>find("memberId = ?1 and guideline = ?2 order by finishedAt desc",
                memberId, guideline).firstResultOptional().map(ConformanceStore::outcome);
    }

    /** The member's latest run, whatever its guideline, if any. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ConformanceOutcome> latest(long memberId) {
        return ConformanceRunRow.<ConformanceRunRow>find("memberId = ?1 order by finishedAt desc", memberId)
                .firstResultOptional().map(ConformanceStore::outcome);
    }

    /** The member's runs of the guideline, newest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<ConformanceOutcome> history(long memberId, String guideline, int limit) {
        return ConformanceRunRow.<ConformanceRunRow>find("memberId = ?1 and guideline = ?2 order by finishedAt desc",
                memberId, guideline).page(0, limit).list().stream().map(ConformanceStore::outcome).toList();
    }

    /** The stored outcome; its {@link ConformanceOutcome#evidenceDigest()} is the one stored with it. */
    private static ConformanceOutcome outcome(ConformanceRunRow run) {
        List<ConformanceResultRow> rows = ConformanceResultRow.list("id.runId", run.runId);
        List<CapabilityOutcome> capabilities = rows.stream()
                .sorted(Comparator.comparingInt(r -> r.position))
                .map(r -> new CapabilityOutcome(r.id.capability(), r.status, r.reason, r.evidence)).toList();
        return new ConformanceOutcome(run.runId, run.memberId, run.guideline, run.target, run.finishedAt,
                capabilities);
    }
}
