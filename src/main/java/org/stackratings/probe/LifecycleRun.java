package org.stackratings.probe;

import org.jboss.logging.Logger;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.member.MemberAccount;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudSession;
import org.stackratings.openstack.ServerRequest;
import org.stackratings.openstack.ServerState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One lifecycle run: create → poll until ACTIVE (or ERROR, or the deadline) → delete → poll until gone (or the deadline).
 * Each step runs on a probe worker and schedules the next on the scheduler, so steps never overlap.
 */
final class LifecycleRun {

    static final String CREATE = "compute.server.create";
    static final String ACTIVE = "compute.server.active";
    static final String DELETE = "compute.server.delete";
    private static final Logger LOG = Logger.getLogger(LifecycleRun.class);

    private final UUID runId;
    private final MemberAccount member;
    private final CloudAccount account;
    private final CallLimits limits;
    private final ProbeConfig.Lifecycle settings;
    private final CloudClient client;
    private final MeasurementStore store;
    private final ScheduledExecutorService scheduler;
    private final ProbeWorkers workers;
    private final Clock clock;
    private final Runnable onFinish;
    private final List<OperationResult> results = new ArrayList<>();

    private CloudSession session;
    private String serverId;
    private Instant createdAt;
    private long createdNanos;
    private Instant deleteAt;
    private long deleteNanos;
    private int polls;
    private String lastPollProblem;

    LifecycleRun(UUID runId, MemberAccount member, CloudAccount account, CallLimits limits, ProbeConfig.Lifecycle settings,
                 CloudClient client, MeasurementStore store, ScheduledExecutorService scheduler, ProbeWorkers workers, Clock clock,
                 Runnable onFinish) {
        this.runId = runId;
        this.member = member;
        this.account = account;
        this.limits = limits;
        this.settings = settings;
        this.client = client;
        this.store = store;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.onFinish = onFinish;
    }

    static String serverName(UUID runId) {
        return LifecycleProbe.SERVER_PREFIX + runId;
    }

    void create() {
        guard(() -> {
            Instant authStart = clock.instant();
            long authNanos = System.nanoTime();
            try {
                session = client.authenticate(account, limits);
            } catch (CloudCallException e) {
                results.add(ApiProbe.failed(ApiProbe.TOKEN_ISSUE, authStart, ms(authNanos), e));
                finish();
                return;
            }
            results.add(OperationResult.ok(ApiProbe.TOKEN_ISSUE, authStart, ms(authNanos), null));
            createdAt = clock.instant();
            createdNanos = System.nanoTime();
            try {
                String flavor = session.pickFlavor(member.flavor());
                String image = session.pickImage(member.image());
                Optional<String> network = session.pickNetwork(member.network());
                createdAt = clock.instant();
                createdNanos = System.nanoTime();
                serverId = session.createServer(new ServerRequest(serverName(runId), flavor, image, network.orElse(null),
                        Map.of(LifecycleProbe.RUN_KEY, runId.toString())));
            } catch (CloudCallException e) {
                results.add(ApiProbe.failed(CREATE, createdAt, ms(createdNanos), e));
                finish();
                return;
            }
            results.add(OperationResult.ok(CREATE, createdAt, ms(createdNanos), 202));
            later(this::pollActive);
        });
    }

    private void pollActive() {
        guard(() -> {
            Optional<ServerState> state = lookUp();
            if (state.isEmpty()) {
                results.add(new OperationResult(ACTIVE, createdAt, ms(createdNanos), Outcome.ERROR, 404, "ServerVanished",
                        "server " + serverId + " disappeared before it became ACTIVE"));
                finish();
                return;
            }
            ServerState server = state.get();
            if (server.isActive()) {
                results.add(OperationResult.ok(ACTIVE, createdAt, ms(createdNanos), null));
                delete();
            } else if (server.isError()) {
                results.add(new OperationResult(ACTIVE, createdAt, ms(createdNanos), Outcome.ERROR, null, "ServerError",
                        "server " + serverId + " went to ERROR: " + (server.fault() == null ? "no fault message" : server.fault())));
                delete();
            } else if (ms(createdNanos) > settings.activeDeadline().toMillis()) {
                results.add(new OperationResult(ACTIVE, createdAt, ms(createdNanos), Outcome.TIMEOUT, null, "ActiveDeadline",
                        "server " + serverId + " was still " + server.status() + " after " + settings.activeDeadline()
                                + (lastPollProblem == null ? "" : "; last poll failed: " + lastPollProblem)));
                delete();
            } else {
                later(this::pollActive);
            }
        });
    }

    private void delete() {
        deleteAt = clock.instant();
        deleteNanos = System.nanoTime();
        polls = 0;
        lastPollProblem = null;
        try {
            session.deleteServer(serverId);
        } catch (CloudCallException e) {
            results.add(ApiProbe.failed(DELETE, deleteAt, ms(deleteNanos), e));
            finish();
            return;
        }
        later(this::pollGone);
    }

    private void pollGone() {
        guard(() -> {
            Optional<ServerState> state = lookUp();
            if (state.isEmpty()) {
                results.add(OperationResult.ok(DELETE, deleteAt, ms(deleteNanos), 204));
                finish();
            } else if (ms(deleteNanos) > settings.deleteDeadline().toMillis()) {
                ServerState server = state.get();
                results.add(new OperationResult(DELETE, deleteAt, ms(deleteNanos), Outcome.TIMEOUT, null, "DeleteDeadline",
                        "server " + serverId + " still present (" + server.status()
                                + (server.fault() == null ? "" : ", fault: " + server.fault()) + ") " + settings.deleteDeadline()
                                + " after the delete request; the reaper will retry"
                                + (lastPollProblem == null ? "" : "; last poll failed: " + lastPollProblem)));
                finish();
            } else {
                later(this::pollGone);
            }
        });
    }

    /**
     * The server as Nova shows it now; empty when it is gone. A failed poll is not an answer about the server: it is
     * remembered for the deadline's message and the server counts as still in its unknown state.
     */
    private Optional<ServerState> lookUp() {
        try {
            return session.server(serverId);
        } catch (CloudCallException e) {
            lastPollProblem = e.getMessage();
            return Optional.of(new ServerState(serverId, null, "UNKNOWN", null, Map.of(), null));
        }
    }

    private void later(Runnable step) {
        double factor = Math.pow(1.5, polls++);
        long delay = Math.min(settings.pollMax().toMillis(), (long) (settings.pollInitial().toMillis() * factor));
        scheduler.schedule(() -> dispatch(step), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a step on a probe worker: the scheduler's few threads only keep time, so a member that hangs holds one
     * worker for at most one call (bounded by the call timeout and the run's deadline), never the clock of other
     * members' polls. When every worker is busy the step waits for the next poll interval.
     */
    void dispatch(Runnable step) {
        try {
            workers.execute(step);
        } catch (RejectedExecutionException e) {
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> dispatch(step), settings.pollInitial().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs a step; the agency's own failures end the run INCONCLUSIVE (the reaper cleans up any server). */
    private void guard(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "lifecycle run %s of %s failed inside the agency", runId, member.slug());
            results.add(new OperationResult(serverId == null ? CREATE : ACTIVE, clock.instant(), 0, Outcome.INCONCLUSIVE, null,
                    e.getClass().getSimpleName(), "the agency's lifecycle probe failed: " + e));
            finish();
        }
    }

    private void finish() {
        try {
            boolean measured = results.stream().anyMatch(r -> r.outcome() != Outcome.INCONCLUSIVE);
            long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
            store.finishRun(runId, member.slug(), measured ? RunStatus.COMPLETED : RunStatus.INCONCLUSIVE,
                    ok + "/" + results.size() + " operations OK" + (serverId == null ? "" : ", server " + serverId), results);
        } finally {
            onFinish.run();
        }
    }

    private static double ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000.0;
    }
}
