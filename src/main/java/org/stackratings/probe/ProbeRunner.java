package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.compliance.ComplianceProbe;
import org.stackratings.compliance.ComplianceRun;
import org.stackratings.compliance.conformance.ConformanceProbe;
import org.stackratings.member.CredentialType;
import org.stackratings.member.MemberAccount;
import org.stackratings.member.MemberService;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.RunDeadline;
import org.stackratings.security.CredentialDecryptionException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the {@code api} probe against one member once: opens a run, executes the probe on a worker under the
 * run deadline, checks the agency itself before blaming the member, and stores every result.
 */
@ApplicationScoped
public class ProbeRunner {

    private static final Logger LOG = Logger.getLogger(ProbeRunner.class);

    private final MemberService members;
    private final MeasurementStore store;
    private final ApiProbe apiProbe;
    private final ProbeWorkers workers;
    private final AgencySelfCheck selfCheck;
    private final ProbeConfig config;
    private final Clock clock;
    private final LifecycleProbe lifecycle;
    private final ComplianceProbe compliance;
    private final ConformanceProbe conformance;
    private final ScheduleLateness lateness;

    public ProbeRunner(MemberService members, MeasurementStore store, ApiProbe apiProbe, ProbeWorkers workers,
                       AgencySelfCheck selfCheck, ProbeConfig config, Clock clock, LifecycleProbe lifecycle,
                       ComplianceProbe compliance, ScheduleLateness lateness, ConformanceProbe conformance) {
        this.conformance = conformance;
        this.members = members;
        this.store = store;
        this.apiProbe = apiProbe;
        this.workers = workers;
        this.selfCheck = selfCheck;
        this.config = config;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.compliance = compliance;
        this.lateness = lateness;
    }

    /**
     * Runs a probe by name. The api and compliance probes run to the end (bounded by the run deadline); the
     * lifecycle probe and the conformance run are started and run on (their run id is returned at once). Empty when
     * the member does not exist, was withdrawn, or (lifecycle, conformance) already has a run in flight.
     */
    public Optional<UUID> run(String probe, String slug, RunTrigger trigger) {
        return run(probe, slug, trigger, Optional.empty());
    }

    /** Runs a scheduled probe that was due at {@code due}, recording how late it starts ({@link ScheduleLateness}). */
    public Optional<UUID> runScheduled(String probe, String slug, Instant due) {
        return run(probe, slug, RunTrigger.SCHEDULED, Optional.of(due));
    }

    private Optional<UUID> run(String probe, String slug, RunTrigger trigger, Optional<Instant> due) {
        if (!probe.equals(ApiProbe.NAME)) {
            due.ifPresent(d -> lateness.record(probe, d, clock.instant()));
        }
        return switch (probe) {
            case ApiProbe.NAME -> runApiProbe(slug, trigger, due);
            case LifecycleProbe.NAME -> decrypted(slug).flatMap(a -> lifecycle.start(a, trigger));
            case ComplianceProbe.NAME -> decrypted(slug).map(a -> runCompliance(a, trigger));
            case ConformanceProbe.NAME -> decrypted(slug).flatMap(a -> conformance.start(a, cloudAccount(a),
                    deadline -> RunLimits.of(config, deadline), trigger));
            default -> throw new IllegalArgumentException("unknown probe " + probe);
        };
    }

    private Optional<MemberAccount> decrypted(String slug) {
        try {
            return members.account(slug);
        } catch (CredentialDecryptionException e) {
            LOG.errorf("Cannot decrypt the credentials of member %s: %s", slug, e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs the api probe; empty when the member does not exist or was withdrawn. */
    public Optional<UUID> runApiProbe(String slug, RunTrigger trigger) {
        return runApiProbe(slug, trigger, Optional.empty());
    }

    private Optional<UUID> runApiProbe(String slug, RunTrigger trigger, Optional<Instant> due) {
        Optional<MemberAccount> account;
        try {
            account = members.account(slug);
        } catch (CredentialDecryptionException e) {
            return Optional.of(recordAgencyFailure(slug, trigger, e));
        }
        return account.map(a -> execute(a, trigger, due));
    }

    private UUID execute(MemberAccount account, RunTrigger trigger, Optional<Instant> due) {
        UUID runId = store.startRun(account.memberId(), ApiProbe.NAME, trigger);
        ProbeProgress progress = new ProbeProgress(clock);
        RunDeadline deadline = RunDeadline.after(config.runDeadline());
        CallLimits limits = RunLimits.of(config, deadline);
        BoundedExecution.Result result = BoundedExecution.run(workers, deadline,
                () -> due.ifPresent(d -> lateness.record(ApiProbe.NAME, d, clock.instant())),
                () -> apiProbe.run(cloudAccount(account), limits, progress));
        switch (result.ending()) {
            case DONE -> { }
            case TIMED_OUT -> progress.abandon(config.runDeadline());
            case NEVER_STARTED -> { // queued for a worker for the whole deadline: no call was made
                due.ifPresent(d -> lateness.missed(ApiProbe.NAME, ScheduleLateness.Missed.OVERLOADED));
                progress.begin(ApiProbe.TOKEN_ISSUE);
                progress.agencyFailed("AgencyOverloaded", "the run waited for a probe worker until its deadline; no call was made");
            }
            case REFUSED -> {
                due.ifPresent(d -> lateness.missed(ApiProbe.NAME, ScheduleLateness.Missed.OVERLOADED));
                progress.begin(ApiProbe.TOKEN_ISSUE);
                progress.agencyFailed("AgencyOverloaded", "the agency's probe workers were all busy; the run was not made");
            }
            case FAILED -> {
                LOG.errorf(result.failure(), "api probe of %s failed inside the agency", account.slug());
                progress.agencyFailed(result.failure().getClass().getSimpleName(), "the agency's probe failed: " + result.failure());
            }
            case INTERRUPTED -> progress.agencyFailed("Interrupted", "the agency stopped the run (shutdown)");
        }
        List<OperationResult> results = excuseAgencyFaults(progress.results());
        RunStatus status = results.stream().allMatch(r -> r.outcome() == Outcome.INCONCLUSIVE)
                ? RunStatus.INCONCLUSIVE : RunStatus.COMPLETED;
        store.finishRun(runId, account.slug(), status, summary(results), results);
        for (Map.Entry<String, Boolean> service : progress.presence().entrySet()) {
            store.recordPresence(account.memberId(), service.getKey(), service.getValue(), clock.instant());
        }
        return runId;
    }

    /** The compliance probe on a worker under its own run deadline, like the api probe; stores what it found. */
    private UUID runCompliance(MemberAccount account, RunTrigger trigger) {
        ComplianceRun run = compliance.start(account, trigger);
        RunDeadline deadline = RunDeadline.after(compliance.runDeadline());
        CallLimits limits = RunLimits.of(config, deadline);
        BoundedExecution.Result result = BoundedExecution.run(workers, deadline, () -> { },
                () -> compliance.execute(run, cloudAccount(account), limits));
        switch (result.ending()) {
            case DONE -> { }
            case TIMED_OUT -> run.abandon(compliance.runDeadline());
            case NEVER_STARTED, REFUSED -> run.agencyFailed("AgencyOverloaded",
                    "the agency's probe workers were all busy; the run was not made");
            case FAILED -> {
                LOG.errorf(result.failure(), "compliance probe of %s failed inside the agency", account.slug());
                run.agencyFailed(result.failure().getClass().getSimpleName(), "the agency's probe failed: " + result.failure());
            }
            case INTERRUPTED -> run.agencyFailed("Interrupted", "the agency stopped the run (shutdown)");
        }
        return compliance.finish(run);
    }

    /** Connection failures and timeouts become INCONCLUSIVE when the agency's own network is down. */
    private List<OperationResult> excuseAgencyFaults(List<OperationResult> results) {
        boolean networkSuspect = results.stream().anyMatch(r -> r.outcome() == Outcome.TIMEOUT
                || (r.outcome() == Outcome.ERROR && r.errorClass() != null && r.errorClass().startsWith("CONNECTION_FAILED")));
        if (!networkSuspect) {
            return results;
        }
        Optional<String> fault = selfCheck.networkFault();
        if (fault.isEmpty()) {
            return results;
        }
        List<OperationResult> excused = new ArrayList<>();
        for (OperationResult r : results) {
            boolean network = r.outcome() == Outcome.TIMEOUT || r.outcome() == Outcome.ERROR
                    && r.errorClass() != null && r.errorClass().startsWith("CONNECTION_FAILED");
            excused.add(network ? new OperationResult(r.operation(), r.startedAt(), r.durationMs(), Outcome.INCONCLUSIVE,
                    r.httpStatus(), r.errorClass(), fault.get() + " | " + r.detail()) : r);
        }
        return excused;
    }

    private UUID recordAgencyFailure(String slug, RunTrigger trigger, CredentialDecryptionException e) {
        long memberId = members.memberId(slug).orElseThrow();
        UUID runId = store.startRun(memberId, ApiProbe.NAME, trigger);
        LOG.errorf("Cannot decrypt the credentials of member %s: %s", slug, e.getMessage());
        OperationResult result = new OperationResult(ApiProbe.TOKEN_ISSUE, clock.instant(), 0, Outcome.INCONCLUSIVE, null,
                "CredentialDecryption", "the agency could not decrypt the stored credentials: " + e.getMessage());
        store.finishRun(runId, slug, RunStatus.INCONCLUSIVE, result.detail(), List.of(result));
        return runId;
    }

    /**
     * The cloud account a probe authenticates with, from a member's decrypted account (password or application
     * credential).
     */
    public static CloudAccount cloudAccount(MemberAccount a) {
        return new CloudAccount(a.authUrl(), a.region(), a.projectId(), a.projectName(), a.projectDomain(),
                a.credentialType() == CredentialType.APPLICATION_CREDENTIAL, a.username(), a.userDomain(),
                a.applicationCredentialId(), a.secret(), new HashSet<>(a.allowedHosts()), a.insecure(), a.allowedRanges());
    }

    private static String summary(List<OperationResult> results) {
        long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
        return ok + "/" + results.size() + " operations OK";
    }
}
