package org.stackratings.compliance.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.jboss.logging.Logger;
import org.stackratings.agency.AgencyThreads;
import org.stackratings.compliance.ComplianceProbe;
import org.stackratings.compliance.Evidence;
import org.stackratings.compliance.Guideline;
import org.stackratings.compliance.GuidelineCatalog;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.measurement.conformance.ConformanceStore;
import org.stackratings.member.MemberAccount;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudFailure;
import org.stackratings.openstack.CloudSession;
import org.stackratings.openstack.SilenceCensus;

/**
 * The {@code conformance} run (docs/compliance.md): checks every required capability of the guideline with the
 * agency's own calls, creating what it needs (each resource marked with the run, {@link RunMarker}) and deleting all
 * of it at the end, in dependency order. Runs execute on their own bounded pool, one at a time per member; the calling
 * thread (a Quartz job, an API request) only starts them. Each capability is PASS, FAIL or NOT_APPLICABLE with the
 * calls that showed it; NOT_CHECKED when the agency could not check it (no check, the run's deadline, the agency's own
 * fault, or a silence shared by many member clouds at once: {@link SilenceCensus}), which never counts against the
 * member.
 */
@ApplicationScoped
public class ConformanceProbe {

    public static final String NAME = "conformance";
    private static final Logger LOG = Logger.getLogger(ConformanceProbe.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Call limits for a run of a given length (the probe layer's, built from {@code stackratings.probe.*}). */
    @FunctionalInterface
    public interface Limits {
        CallLimits after(Duration deadline);
    }

    private final CloudClient client;
    private final MeasurementStore store;
    private final ConformanceStore conformance;
    private final GuidelineCatalog catalog;
    private final ConformanceChecks checks;
    private final ConformanceConfig config;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final SilenceCensus census;
    private final Set<Long> membersInFlight = ConcurrentHashMap.newKeySet();

    ConformanceProbe(CloudClient client, MeasurementStore store, ConformanceStore conformance, GuidelineCatalog catalog,
                     ConformanceChecks checks, ConformanceConfig config, Clock clock, AgencyThreads threads,
                     SilenceCensus census) {
        this.client = client;
        this.census = census;
        this.store = store;
        this.conformance = conformance;
        this.catalog = catalog;
        this.checks = checks;
        this.config = config;
        this.clock = clock;
        this.pool = threads.bounded("conformance", config.threads(), config.queue());
    }

    /** How long a clean-up (or a reaper's pass over one member) may take. */
    public Duration cleanupDeadline() {
        return config.cleanupDeadline();
    }

    /** How long a run may take in all (checks, then clean-up), for the closing of runs a dead instance left RUNNING. */
    public Duration longestRun() {
        return config.runDeadline().plus(config.cleanupDeadline());
    }

    /**
     * Opens a run and queues it; returns its id at once, or empty when this member has a run in flight already. A run
     * the pool has no room for is closed INCONCLUSIVE (the agency lacked capacity).
     */
    public Optional<UUID> start(MemberAccount member, CloudAccount account, Limits limits, RunTrigger trigger) {
        if (!membersInFlight.add(member.memberId())) {
            return Optional.empty();
        }
        try {
            if (store.hasRunningRun(member.memberId(), NAME, clock.instant().minus(longestRun()))) {
                membersInFlight.remove(member.memberId());
                return Optional.empty();
            }
            UUID runId = store.startRun(member.memberId(), NAME, trigger);
            try {
                pool.execute(() -> {
                    try {
                        execute(runId, member, account, limits, Pause.SLEEP);
                    } finally {
                        membersInFlight.remove(member.memberId());
                    }
                });
            } catch (RejectedExecutionException e) {
                membersInFlight.remove(member.memberId());
                store.finishRun(runId, member.slug(), RunStatus.COMPLETED, "refused: every conformance thread is busy",
                        List.of(new OperationResult(NAME + ".run", clock.instant(), 0, Outcome.INCONCLUSIVE, null,
                                "AgencyOverloaded", "the agency had no thread for the run")));
            }
            return Optional.of(runId);
        } catch (RuntimeException e) {
            membersInFlight.remove(member.memberId());
            throw e;
        }
    }

    /** Runs the checks and the clean-up of an opened run on the calling thread, and stores what it found. */
    ConformanceOutcome execute(UUID runId, MemberAccount member, CloudAccount account, Limits limits, Pause pause) {
        Guideline guideline = catalog.targetOf(member.slug());
        RunMarker marker = new RunMarker(runId);
        ResourceLedger ledger = new ResourceLedger();
        MemberChoices choices = new MemberChoices(member.flavor(), member.flavorAlt(), member.image(), member.network());
        List<CapabilityOutcome> outcomes = new ArrayList<>();
        List<OperationResult> results = new ArrayList<>();
        CallLimits runLimits = limits.after(config.runDeadline());
        Optional<CloudSession> session = authenticate(account, runLimits, results);
        if (session.isEmpty()) {
            guideline.required().forEach(c -> outcomes.add(new CapabilityOutcome(c.name(), ConformanceStatus.NOT_CHECKED,
                    "the agency could not authenticate with the member's credentials", "[]")));
        } else {
            CheckContext context = new CheckContext(session.get(), marker, ledger, choices, config.longestWait(), pause,
                    runLimits.deadline());
            boolean stopped = false;
            List<Checked> checked = new ArrayList<>();
            for (Guideline.Capability capability : guideline.required()) {
                if (stopped || runLimits.deadline().passed() || Thread.currentThread().isInterrupted()) {
                    checked.add(new Checked(new CapabilityOutcome(capability.name(), ConformanceStatus.NOT_CHECKED,
                            stopped ? "the agency stopped the run" : "the run's deadline passed before this check",
                            "[]"), null, stopped, null));
                    continue;
                }
                Checked one = check(capability.name(), context);
                checked.add(one);
                stopped = one.stopped();
            }
            OperationResult cleanup = cleanup(account, limits, marker, ledger, choices, pause);
            for (Checked one : excuseAgencySilence(checked, account, runLimits)) {
                outcomes.add(one.outcome());
                if (one.measurement() != null) {
                    results.add(one.measurement());
                }
            }
            results.add(cleanup);
        }
        ConformanceOutcome outcome = new ConformanceOutcome(runId, member.memberId(), guideline.id(),
                guideline.platform(), clock.instant(), outcomes);
        conformance.finish(outcome, member.slug(), summary(outcome), results);
        return outcome;
    }

    /** One capability's result; {@code silentAt} is when it failed for want of an answer (else null). */
    private record Checked(CapabilityOutcome outcome, OperationResult measurement, boolean stopped, Instant silentAt) {

        Checked excused(String why) {
            String reason = outcome.reason() + "; not counted against the member: " + why;
            return new Checked(new CapabilityOutcome(outcome.capability(), ConformanceStatus.NOT_CHECKED, reason,
                    outcome.evidenceJson()), new OperationResult(measurement.operation(), measurement.startedAt(),
                    measurement.durationMs(), Outcome.INCONCLUSIVE, null, "AgencySideSilence",
                    ConformanceStatus.NOT_CHECKED + ": " + reason), stopped, null);
        }
    }

    /**
     * A capability that failed because the cloud left a call unanswered is NOT_CHECKED instead when many other member
     * clouds were silent at the same time ({@link SilenceCensus}): the agency's network or load, not the member. The
     * census is asked once the calls in flight at that moment have all ended (a call timeout and a slot later).
     */
    private List<Checked> excuseAgencySilence(List<Checked> checked, CloudAccount account, CallLimits limits) {
        Optional<Instant> lastSilence = checked.stream().map(Checked::silentAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo);
        if (lastSilence.isEmpty()) {
            return checked;
        }
        Duration settle = Duration.between(clock.instant(), lastSilence.get().plus(limits.callTimeout())
                .plus(SilenceCensus.SETTLE));
        settle(settle);
        List<Checked> judged = new ArrayList<>();
        for (Checked one : checked) {
            Optional<String> excuse = one.silentAt() == null ? Optional.empty()
                    : census.agencySide(account.authUrl(), one.silentAt().minus(limits.callTimeout()), one.silentAt());
            judged.add(excuse.map(one::excused).orElse(one));
        }
        return judged;
    }

    /** Waits {@code duration} of real time (the run's own thread; an interrupt ends the wait early). */
    private static void settle(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Checked check(String capability, CheckContext context) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        Optional<CapabilityCheck> check = checks.find(capability);
        ConformanceStatus status;
        String reason;
        Outcome outcome;
        boolean stopped = false;
        Instant silentAt = null;
        if (check.isEmpty()) {
            status = ConformanceStatus.NOT_CHECKED;
            reason = "the agency has no check for this capability";
            outcome = Outcome.INCONCLUSIVE;
        } else {
            try {
                check.get().check(context);
                status = ConformanceStatus.PASS;
                reason = null;
                outcome = Outcome.OK;
            } catch (CheckFailed e) {
                status = ConformanceStatus.FAIL;
                reason = e.getMessage();
                outcome = Outcome.ERROR;
            } catch (NotApplicable e) {
                status = ConformanceStatus.NOT_APPLICABLE;
                reason = e.getMessage();
                outcome = Outcome.OK;
            } catch (CloudCallException e) {
                boolean agency = e.failure() == CloudFailure.AGENCY_FAULT;
                silentAt = e.failure() == CloudFailure.TIMEOUT || e.failure() == CloudFailure.CONNECTION_FAILED
                        ? clock.instant() : null;
                status = agency ? ConformanceStatus.NOT_CHECKED : ConformanceStatus.FAIL;
                reason = ComplianceProbe.failureInWords(e);
                outcome = agency ? Outcome.INCONCLUSIVE : e.failure() == CloudFailure.TIMEOUT ? Outcome.TIMEOUT
                        : Outcome.ERROR;
            } catch (RunStopped e) {
                status = ConformanceStatus.NOT_CHECKED;
                reason = e.getMessage();
                outcome = Outcome.INCONCLUSIVE;
                stopped = true;
            } catch (RuntimeException e) {
                // the agency's own check failed (a bug, not the cloud): it counts for nothing
                LOG.errorf(e, "conformance check %s failed inside the agency", capability);
                status = ConformanceStatus.NOT_CHECKED;
                reason = "the agency's check failed: " + e.getClass().getSimpleName();
                outcome = Outcome.INCONCLUSIVE;
            }
        }
        List<Evidence> evidence = context.takeEvidence();
        return new Checked(new CapabilityOutcome(capability, status, reason, json(evidence)),
                new OperationResult("conformance." + capability, started, (System.nanoTime() - nanos) / 1e6, outcome,
                        null, status == ConformanceStatus.FAIL ? "CapabilityFailed" : null,
                        status.name() + (reason == null ? "" : ": " + reason)), stopped, silentAt);
    }

    private Optional<CloudSession> authenticate(CloudAccount account, CallLimits limits, List<OperationResult> results) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        try {
            CloudSession session = authenticateRetryingServerErrors(account, limits);
            results.add(new OperationResult("identity.token.issue", started, (System.nanoTime() - nanos) / 1e6,
                    Outcome.OK, null, null, null));
            return Optional.of(session);
        } catch (CloudCallException e) {
            results.add(new OperationResult("identity.token.issue", started, (System.nanoTime() - nanos) / 1e6,
                    e.failure() == CloudFailure.TIMEOUT ? Outcome.TIMEOUT : e.failure() == CloudFailure.AGENCY_FAULT
                            ? Outcome.INCONCLUSIVE : Outcome.ERROR, e.httpStatus(), e.failure().name(), e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Authenticates, asking once more after a server error or a timeout: Keystone being briefly unavailable is the
     * cloud's availability (the api probe measures it), and must not leave a whole run unchecked.
     */
    private CloudSession authenticateRetryingServerErrors(CloudAccount account, CallLimits limits) {
        try {
            return client.authenticate(account, limits);
        } catch (CloudCallException e) {
            boolean transientFailure = e.failure() == CloudFailure.TIMEOUT
                    || (e.httpStatus() != null && e.httpStatus() >= 500);
            if (!transientFailure) {
                throw e;
            }
            LOG.debugf("Conformance run: authentication answered %s; asking once more", e.failure());
            return client.authenticate(account, limits);
        }
    }

    /** Deletes what the run left, in a session of its own with the clean-up's deadline. */
    private OperationResult cleanup(CloudAccount account, Limits limits, RunMarker marker, ResourceLedger ledger,
                                    MemberChoices choices, Pause pause) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        if (ledger.isEmpty()) {
            return new OperationResult(NAME + ".cleanup", started, 0, Outcome.OK, null, null, "nothing to delete");
        }
        CallLimits cleanupLimits = limits.after(config.cleanupDeadline());
        try {
            CloudSession session = authenticateRetryingServerErrors(account, cleanupLimits);
            RunCleanup.Report report = RunCleanup.run(new CheckContext(session, marker, ledger, choices,
                    config.longestWait(), pause, cleanupLimits.deadline()), ledger);
            String detail = report.deleted() + " deleted" + (report.leftOver().isEmpty() ? ""
                    : "; left for the reaper: " + String.join("; ", report.leftOver()));
            return new OperationResult(NAME + ".cleanup", started, (System.nanoTime() - nanos) / 1e6,
                    report.leftOver().isEmpty() ? Outcome.OK : Outcome.ERROR, null,
                    report.leftOver().isEmpty() ? null : "CleanupIncomplete", detail);
        } catch (CloudCallException e) {
            LOG.warnf("Conformance run %s: clean-up could not authenticate (%s); the reaper deletes what is left",
                    marker.runId(), e.failure());
            return new OperationResult(NAME + ".cleanup", started, (System.nanoTime() - nanos) / 1e6, Outcome.ERROR,
                    e.httpStatus(), e.failure().name(), "not authenticated; the reaper deletes what is left");
        }
    }

    private static String summary(ConformanceOutcome outcome) {
        StringBuilder summary = new StringBuilder();
        for (ConformanceStatus status : ConformanceStatus.values()) {
            summary.append(outcome.count(status)).append(' ')
                    .append(status.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(", ");
        }
        return summary.substring(0, summary.length() - 2);
    }

    private static String json(List<Evidence> evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise evidence", e);
        }
    }
}
