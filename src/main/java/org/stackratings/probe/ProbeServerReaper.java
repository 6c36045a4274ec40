package org.stackratings.probe;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.stackratings.compliance.ComplianceConfig;
import org.stackratings.compliance.ComplianceProbe;
import org.stackratings.compliance.conformance.ConformanceProbe;
import org.stackratings.compliance.conformance.reaper.ConformanceReaper;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberAccount;
import org.stackratings.member.MemberSchedule;
import org.stackratings.member.MemberService;
import org.stackratings.openstack.BodyExcerpt;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudSession;
import org.stackratings.openstack.ServerState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code reaper} (PRODUCT.md section 3): deletes probe servers older than the TTL that a crashed or failed run
 * left behind. It touches only servers that carry both the {@code stackratings-probe-} name prefix and the
 * {@code stackratings.run} metadata, and records each deletion as {@code compute.server.reaped}: INCONCLUSIVE,
 * because a leaked server is the agency's business, not a failure of the member. Each pass first closes the runs of
 * every probe that a stopped or killed instance left RUNNING ({@link #closeStaleRuns()}).
 */
@ApplicationScoped
public class ProbeServerReaper {

    static final String PROBE = "reaper";
    static final String REAPED = "compute.server.reaped";
    private static final Logger LOG = Logger.getLogger(ProbeServerReaper.class);

    private final MemberService members;
    private final CloudClient client;
    private final MeasurementStore store;
    private final LifecycleProbe lifecycle;
    private final ProbeConfig config;
    private final Clock clock;
    private final ComplianceConfig compliance;
    private final ConformanceProbe conformance;
    private final ConformanceReaper conformanceReaper;

    /** Time allowed beyond a run's deadline for its results to be stored. */
    static final Duration STORE_GRACE = Duration.ofMinutes(1);

    public ProbeServerReaper(MemberService members, CloudClient client, MeasurementStore store, LifecycleProbe lifecycle,
                             ProbeConfig config, Clock clock, ComplianceConfig compliance,
                             ConformanceProbe conformance, ConformanceReaper conformanceReaper) {
        this.conformance = conformance;
        this.conformanceReaper = conformanceReaper;
        this.members = members;
        this.client = client;
        this.store = store;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
        this.compliance = compliance;
    }

    @Scheduled(identity = "probe-server-reaper", every = "{stackratings.probe.lifecycle.reaper-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        reapAll();
    }

    /**
     * Reaps every member that runs the lifecycle probe (its servers) or the conformance run (what its runs left);
     * returns how many servers, and conformance runs cleaned up, there were.
     */
    public int reapAll() {
        closeStaleRuns();
        int reaped = 0;
        for (MemberSchedule schedule : members.schedules()) {
            try {
                if (schedule.lifecycle().isPresent()) {
                    reaped += reap(schedule.slug());
                }
                if (schedule.conformance().isPresent()) {
                    reaped += reapConformance(schedule.slug(), clock.instant());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reaper could not check member %s", schedule.slug());
            }
        }
        return reaped;
    }

    /**
     * Deletes what this member's conformance runs left behind (both marks, a run of the agency's past the TTL);
     * returns how many runs' leftovers were deleted in full.
     */
    int reapConformance(String slug, Instant asOf) {
        Optional<MemberAccount> member = members.account(slug);
        if (member.isEmpty()) {
            return 0;
        }
        List<OperationResult> results;
        try {
            results = conformanceReaper.reap(member.get(), ProbeRunner.cloudAccount(member.get()),
                    RunLimits.of(config, conformance.cleanupDeadline()), asOf);
        } catch (CloudCallException e) {
            LOG.warnf("Reaper could not look for the conformance leftovers of %s: %s", slug, e.getMessage());
            return 0;
        }
        if (!results.isEmpty()) {
            UUID runId = store.startRun(member.get().memberId(), PROBE, RunTrigger.SCHEDULED);
            store.finishRun(runId, slug, RunStatus.INCONCLUSIVE, results.size() + " conformance run(s) reaped", results);
            LOG.warnf("Reaper deleted what %d conformance run(s) of %s left", results.size(), slug);
        }
        return (int) results.stream().filter(r -> "Reaped".equals(r.errorClass())).count();
    }

    /**
     * Closes the runs that an instance of the agency left RUNNING when it stopped or died (on this or another node of
     * a cluster): those older than the longest their probe can take. Probe jobs do not request recovery, so nothing
     * else would ever close them.
     */
    void closeStaleRuns() {
        Duration calls = config.connectTimeout().plus(config.readTimeout()).multipliedBy(2); // a 5xx is retried once
        Map<String, Duration> longest = Map.of(
                // beyond its deadlines a lifecycle run may spend a login, three picks and a last poll after each
                // deadline on calls
                LifecycleProbe.NAME, lifecycle.runDeadline().plus(calls.multipliedBy(3)).plus(STORE_GRACE),
                ApiProbe.NAME, config.runDeadline().plus(STORE_GRACE),
                ComplianceProbe.NAME, compliance.runDeadline().plus(calls).plus(STORE_GRACE),
                ConformanceProbe.NAME, conformance.longestRun().plus(calls).plus(STORE_GRACE));
        for (Map.Entry<String, Duration> probe : longest.entrySet()) {
            int closed = store.abandonStaleRuns(probe.getKey(), clock.instant().minus(probe.getValue()));
            if (closed > 0) {
                LOG.infof("Closed %d %s run(s) left RUNNING by a stop of the agency", closed, probe.getKey());
            }
        }
    }

    /** Deletes this member's leaked probe servers; returns how many. */
    public int reap(String slug) {
        return reap(slug, clock.instant());
    }

    /** Deletes this member's probe servers created more than the TTL before {@code asOf}; returns how many. */
    int reap(String slug, Instant asOf) {
        Optional<MemberAccount> member = members.account(slug);
        if (member.isEmpty()) {
            return 0;
        }
        CloudSession session;
        List<ServerState> servers;
        try {
            session = client.authenticate(ProbeRunner.cloudAccount(member.get()),
                    RunLimits.of(config, config.runDeadline()));
            servers = session.listServers();
        } catch (CloudCallException e) {
            LOG.warnf("Reaper could not list the servers of %s: %s", slug, e.getMessage());
            return 0;
        }
        Instant cutoff = asOf.minus(config.lifecycle().reaperTtl());
        List<OperationResult> results = new ArrayList<>();
        for (ServerState server : servers) {
            if (!isProbeServer(server) || server.created() == null || !server.created().isBefore(cutoff)
                    || lifecycle.inFlight(server.metadata().get(LifecycleProbe.RUN_KEY))) {
                continue;
            }
            Instant started = clock.instant();
            long nanos = System.nanoTime();
            String what = BodyExcerpt.of("leaked probe server " + server.id() + " (" + server.name() + ", run "
                    + server.metadata().get(LifecycleProbe.RUN_KEY) + ", created " + server.created() + ", status " + server.status() + ")", List.of());
            try {
                session.deleteServer(server.id());
                results.add(new OperationResult(REAPED, started, ms(nanos), Outcome.INCONCLUSIVE, null, "Reaped",
                        "deleted " + what));
            } catch (CloudCallException e) {
                results.add(new OperationResult(REAPED, started, ms(nanos), Outcome.INCONCLUSIVE, e.httpStatus(),
                        "ReapFailed", "could not delete " + what + ": " + e.getMessage()));
            }
        }
        if (!results.isEmpty()) {
            UUID runId = store.startRun(member.get().memberId(), PROBE, RunTrigger.SCHEDULED);
            store.finishRun(runId, slug, RunStatus.INCONCLUSIVE, results.size() + " leaked probe server(s) handled", results);
            LOG.warnf("Reaper handled %d leaked probe server(s) of %s", results.size(), slug);
        }
        return (int) results.stream().filter(r -> "Reaped".equals(r.errorClass())).count();
    }

    /** Both markers, never one alone: servers the agency did not create are never touched. */
    static boolean isProbeServer(ServerState server) {
        return server.name() != null && server.name().startsWith(LifecycleProbe.SERVER_PREFIX)
                && server.metadata().containsKey(LifecycleProbe.RUN_KEY);
    }

    private static double ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000.0;
    }
}
