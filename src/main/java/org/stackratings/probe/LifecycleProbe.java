package org.stackratings.probe;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberAccount;
import org.stackratings.openstack.CloudClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.stackratings.agency.AgencyThreads;

/**
 * The {@code lifecycle} probe (PRODUCT.md section 3): boot a server, wait for ACTIVE, delete it, wait until it is gone.
 * A run is a small state machine ({@link LifecycleRun}) whose steps are single API calls on a few scheduler threads;
 * between polls it holds no thread, so neither Quartz nor the pool waits for a boot.
 */
@ApplicationScoped
public class LifecycleProbe {

    public static final String NAME = "lifecycle";
    /** Every probe server's name starts with this; the reaper deletes only servers that carry it and {@link #RUN_KEY}. */
    public static final String SERVER_PREFIX = "stackratings-probe-";
    public static final String RUN_KEY = "stackratings.run";

    private static final Logger LOG = Logger.getLogger(LifecycleProbe.class);

    private final CloudClient client;
    private final MeasurementStore store;
    private final ProbeConfig config;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ProbeWorkers workers;
    private final Set<Long> membersInFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> runsInFlight = ConcurrentHashMap.newKeySet();

    public LifecycleProbe(CloudClient client, MeasurementStore store, ProbeConfig config, Clock clock, ProbeWorkers workers,
                          AgencyThreads threads) {
        this.client = client;
        this.workers = workers;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.scheduler = threads.scheduled("lifecycle-probe", config.lifecycle().threads());
    }

    /**
     * Starts a run and returns its id at once; empty when this member already has a lifecycle run in flight
     * (at most one probe server per member).
     */
    public Optional<UUID> start(MemberAccount account, RunTrigger trigger) {
        Duration runDeadline = runDeadline();
        if (!membersInFlight.add(account.memberId())) {
            return Optional.empty();
        }
        try {
            if (store.hasRunningRun(account.memberId(), NAME, clock.instant().minus(runDeadline))) {
                membersInFlight.remove(account.memberId());
                return Optional.empty();
            }
            UUID runId = store.startRun(account.memberId(), NAME, trigger);
            runsInFlight.add(runId.toString());
            LifecycleRun run = new LifecycleRun(runId, account, ProbeRunner.cloudAccount(account),
                    RunLimits.of(config, runDeadline), config.lifecycle(), client, store,
                    scheduler, workers, clock, () -> {
                        membersInFlight.remove(account.memberId());
                        runsInFlight.remove(runId.toString());
                    });
            run.dispatch(run::create);
            return Optional.of(runId);
        } catch (RuntimeException e) {
            membersInFlight.remove(account.memberId());
            throw e;
        }
    }

    /** Whether a run of this instance is still driving the server of that run id. */
    boolean inFlight(String runId) {
        return runsInFlight.contains(runId);
    }

    Duration runDeadline() {
        return config.lifecycle().activeDeadline().plus(config.lifecycle().deleteDeadline()).plus(config.runDeadline());
    }

    void stop(@Observes ShutdownEvent event) {
        LOG.infof("Stopping lifecycle probe: %d run(s) in flight; their servers will be reaped", runsInFlight.size());
    }
}
