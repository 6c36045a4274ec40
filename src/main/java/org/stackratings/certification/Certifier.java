package org.stackratings.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.measurement.conformance.ConformanceStore;
import org.stackratings.measurement.conformance.ConformanceStored;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns conformance runs into certificates (docs/certification.md): a passing run issues, renews or restores the
 * certificate of its member, guideline and target (expiry: the run's end + validity); a failing run puts a
 * certificate AT_RISK with the failing capabilities (it is not revoked); a run the agency could not complete changes
 * nothing but is recorded as the latest run; a certificate lapses at expiry + grace ({@link #lapseDue}). Each change
 * is written to {@code certification_event} in the same transaction. The certificate row is locked while it changes,
 * so a run and the lapse job never overwrite each other. A run stored but not applied (the instance died between the
 * two) is applied by {@link #catchUp}.
 */
@ApplicationScoped
public class Certifier {

    private static final Logger LOG = Logger.getLogger(Certifier.class);

    private final ConformanceStore conformance;
    private final CertificationConfig config;
    private final Clock clock;
    private final Event<CertificationChanged> changed;

    public Certifier(ConformanceStore conformance, CertificationConfig config, Clock clock,
                     Event<CertificationChanged> changed) {
        this.conformance = conformance;
        this.config = config;
        this.clock = clock;
        this.changed = changed;
    }

    /** A run's results are committed: apply them (a failure here leaves the run stored; the next run applies anew). */
    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConformanceStored stored) {
        try {
            apply(stored.runId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Conformance run %s of member %d was stored but not applied to its certificate",
                    stored.runId(), stored.memberId());
        }
    }

    /** Applies a stored run to its certificate; returns the changes made (none for an older run that arrives late). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<CertificationChange> apply(UUID runId) {
        ConformanceOutcome outcome = conformance.run(runId)
                .orElseThrow(() -> new IllegalArgumentException("no stored conformance run " + runId));
        Instant now = clock.instant();
        Certificate certificate = Certificate.<Certificate>find("memberId = ?1 and guideline = ?2 and target = ?3",
                        outcome.memberId(), outcome.guideline(), outcome.target())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElseGet(() -> fresh(outcome));
        if (certificate.lastRunAt != null && (outcome.runId().equals(certificate.lastRunId)
                || outcome.finishedAt().isBefore(certificate.lastRunAt))) {
            return List.of(); // applied already, or older than the run the certificate stands on: changes nothing
        }
        List<CertificationChange> changes = new ArrayList<>();
        if (certificate.id != null && isDue(certificate, outcome.finishedAt())) {
            // the certificate had lapsed when this run finished (the lapse job had not got to it yet)
            changes.add(lapse(certificate, now));
        }
        RunVerdict verdict = RunVerdict.of(outcome);
        certificate.lastRunId = outcome.runId();
        certificate.lastRunAt = outcome.finishedAt();
        certificate.lastRunVerdict = verdict;
        certificate.updatedAt = now;
        Optional<CertificationChange> change = switch (verdict) {
            case PASSED -> Optional.of(pass(certificate, outcome));
            case FAILED -> fail(certificate, failing(outcome));
            case INCOMPLETE -> Optional.empty();
        };
        if (certificate.id == null) {
            certificate.persist();
        }
        change.ifPresent(c -> {
            record(certificate, c, outcome.runId(), now);
            changes.add(c);
        });
        if (!changes.isEmpty()) {
            changed.fire(new CertificationChanged(certificate.memberId, certificate.guideline, List.copyOf(changes)));
        }
        return changes;
    }

    /**
     * The lapse job's work: every counted certificate past its lapse time lapses; returns how many did. Each is
     * re-read under its row lock first, so a certificate another instance lapsed, or a run renewed, meanwhile is left
     * alone: with two instances (or a run being applied) each lapse happens once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int lapseDue() {
        Instant now = clock.instant();
        List<Certificate> due = Certificate.<Certificate>find("status in ?1 and lapsesAt <= ?2",
                List.of(CertificationStatus.CERTIFIED, CertificationStatus.AT_RISK), now).list();
        int lapsed = 0;
        for (Certificate certificate : due) {
            Certificate.getEntityManager().refresh(certificate, LockModeType.PESSIMISTIC_WRITE);
            if (!isDue(certificate, now)) {
                continue;
            }
            lapse(certificate, now);
            changed.fire(new CertificationChanged(certificate.memberId, certificate.guideline,
                    List.of(CertificationChange.LAPSED)));
            lapsed++;
        }
        return lapsed;
    }

    /**
     * Applies stored runs that no certificate has seen yet, oldest first, at most {@code limit}: a run is applied
     * after its commit, so an instance that dies in between leaves it stored but unapplied; the lapse job catches up
     * on it. Returns how many runs it applied.
     */
    public int catchUp(int limit) {
        int applied = 0;
        for (UUID run : unapplied(limit)) {
            try {
                apply(run);
                applied++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Conformance run %s is stored but could not be applied to its certificate", run);
            }
        }
        return applied;
    }

    /** Stored runs newer than the latest run their certificate saw (or with no certificate yet), oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<UUID> unapplied(int limit) {
        return Certificate.getEntityManager().createNativeQuery("select r.run_id from conformance_run r "
                        + "left join certificate c on c.member_id = r.member_id and c.guideline = r.guideline "
                        + "and c.target = r.target where c.id is null or r.finished_at > c.last_run_at "
                        + "order by r.finished_at", UUID.class).setMaxResults(limit).getResultList();
    }

    private static boolean isDue(Certificate certificate, Instant now) {
        return certificate.status.counts() && !now.isBefore(certificate.lapsesAt);
    }

    private static Certificate fresh(ConformanceOutcome outcome) {
        Certificate certificate = new Certificate();
        certificate.memberId = outcome.memberId();
        certificate.guideline = outcome.guideline();
        certificate.target = outcome.target();
        certificate.status = CertificationStatus.NOT_CERTIFIED;
        return certificate;
    }

    private CertificationChange pass(Certificate certificate, ConformanceOutcome outcome) {
        CertificationChange change = switch (certificate.status) {
            case CERTIFIED -> CertificationChange.RENEWED;
            case AT_RISK -> CertificationChange.RESTORED;
            case LAPSED, NOT_CERTIFIED -> CertificationChange.ISSUED;
        };
        if (change == CertificationChange.ISSUED) {
            certificate.issuedAt = outcome.finishedAt();
        }
        certificate.status = CertificationStatus.CERTIFIED;
        certificate.passedRunId = outcome.runId();
        certificate.expiresAt = outcome.finishedAt().plus(config.validity());
        certificate.lapsesAt = certificate.expiresAt.plus(config.grace());
        certificate.failing = null;
        return change;
    }

    /** AT_RISK from CERTIFIED, or AT_RISK again when other capabilities fail; otherwise only the failing list changes. */
    private static Optional<CertificationChange> fail(Certificate certificate, List<String> failing) {
        boolean sameAsBefore = certificate.failingCapabilities().equals(failing);
        certificate.failing = Certificate.joined(failing);
        if (certificate.status == CertificationStatus.CERTIFIED
                || (certificate.status == CertificationStatus.AT_RISK && !sameAsBefore)) {
            certificate.status = CertificationStatus.AT_RISK;
            return Optional.of(CertificationChange.AT_RISK);
        }
        return Optional.empty();
    }

    private static CertificationChange lapse(Certificate certificate, Instant now) {
        certificate.status = CertificationStatus.LAPSED;
        certificate.updatedAt = now;
        record(certificate, CertificationChange.LAPSED, certificate.passedRunId, certificate.lapsesAt);
        return CertificationChange.LAPSED;
    }

    private static void record(Certificate certificate, CertificationChange change, UUID runId, Instant at) {
        CertificationEvent event = new CertificationEvent();
        event.certificateId = certificate.id;
        event.change = change;
        event.status = certificate.status;
        event.runId = runId;
        event.expiresAt = certificate.expiresAt;
        event.lapsesAt = certificate.lapsesAt;
        event.failing = certificate.failing;
        event.occurredAt = at;
        event.persist();
    }

    private static List<String> failing(ConformanceOutcome outcome) {
        return outcome.capabilities().stream().filter(c -> c.status() == ConformanceStatus.FAIL)
                .map(CapabilityOutcome::capability).toList();
    }
}
