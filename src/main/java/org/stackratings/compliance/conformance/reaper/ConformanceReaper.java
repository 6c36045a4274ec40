package org.stackratings.compliance.conformance.reaper;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stackratings.compliance.conformance.ConformanceConfig;
import org.stackratings.compliance.conformance.ConformanceProbe;
import org.stackratings.compliance.conformance.ResourceLedger;
import org.stackratings.compliance.conformance.RunCleanup;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.member.MemberAccount;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudSession;

/**
 * Deletes what conformance runs left behind (a run killed with the agency, a delete the cloud refused): resources
 * with both of a run's marks ({@link LeftoverSearch}) of a run the agency's store has for this member, started more
 * than {@code stackratings.conformance.reaper-ttl} ago, and no longer running (finished, or older than the longest a
 * run takes, so its instance died). They are deleted in dependency order, as the run itself would have.
 */
@ApplicationScoped
public class ConformanceReaper {

    private final CloudClient client;
    private final MeasurementStore store;
    private final ConformanceConfig config;
    private final ConformanceProbe probe;
    private final Clock clock;

    ConformanceReaper(CloudClient client, MeasurementStore store, ConformanceConfig config, ConformanceProbe probe,
                      Clock clock) {
        this.client = client;
        this.store = store;
        this.config = config;
        this.probe = probe;
        this.clock = clock;
    }

    /** Reaps one member as of {@code asOf}; returns what was deleted or could not be, as measurements. */
    public List<OperationResult> reap(MemberAccount member, CloudAccount account, CallLimits limits, Instant asOf) {
        CloudSession session = client.authenticate(account, limits);
        List<OperationResult> results = new ArrayList<>();
        for (Map.Entry<UUID, ResourceLedger> run : LeftoverSearch.find(session).entrySet()) {
            if (!due(member.memberId(), run.getKey(), asOf)) {
                continue;
            }
            Instant started = clock.instant();
            long nanos = System.nanoTime();
            RunCleanup.Report report = RunCleanup.run(session, new RunMarker(run.getKey()), run.getValue(),
                    config.longestWait(), limits.deadline());
            results.add(new OperationResult("conformance.reaped", started, (System.nanoTime() - nanos) / 1e6,
                    Outcome.INCONCLUSIVE, null, report.leftOver().isEmpty() ? "Reaped" : "ReapFailed",
                    "run " + run.getKey() + ": " + report.deleted() + " resource(s) deleted"
                            + (report.leftOver().isEmpty() ? "" : "; not deleted: " + String.join("; ", report.leftOver()))));
        }
        return results;
    }

    private boolean due(long memberId, UUID runId, Instant asOf) {
        Optional<MeasurementStore.RunState> state = store.runState(memberId, ConformanceProbe.NAME, runId);
        if (state.isEmpty()) {
            return false; // named like a run of ours, but the agency never made that run: not ours to delete
        }
        Instant startedAt = state.get().startedAt();
        boolean alive = state.get().status() == RunStatus.RUNNING
                && startedAt.isAfter(asOf.minus(probe.longestRun()));
        return !alive && startedAt.isBefore(asOf.minus(config.reaperTtl()));
    }
}
