package org.stackratings.dashboard;

import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.rating.RatingEngine;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Test data: a member's past, written through the product's own path. Probe runs are backdated rows of
 * {@code probe_run}; their measurements go through {@link MeasurementStore#finishRun}, which stores them and folds
 * them into the hourly rollups exactly as a live run does; the rating engine then rates the member as of every
 * {@code rateEvery} of the past ({@link RatingEngine#rateAll(Instant)}), which writes the score history and rating
 * actions. The cloud answers within {@code latencyMs}, fails {@code errorRate} of its calls, and has a bad week
 * (three times slower, 5 % errors) from 45 to 38 days before the end, if the history reaches back that far.
 */
final class MemberHistory {

    static final List<String> API_OPERATIONS = List.of("identity.token.issue", "compute.flavors.list", "image.images.list",
            "network.networks.list", "volume.volumes.list");
    static final Duration API_INTERVAL = Duration.ofMinutes(15);
    static final Duration LIFECYCLE_INTERVAL = Duration.ofHours(2);

    private final DataSource dataSource;
    private final MeasurementStore store;
    private final RatingEngine engine;

    MemberHistory(DataSource dataSource, MeasurementStore store, RatingEngine engine) {
        this.dataSource = dataSource;
        this.store = store;
        this.engine = engine;
    }

    /** How the simulated cloud behaved. */
    record Profile(double latencyMs, double errorRate, double bootSeconds, double bootFailureRate, long seed) {
    }

    /** One member whose history is written, and how its cloud behaved. */
    record Target(long memberId, String slug, Profile profile) {
    }

    /** Writes one member's history; see {@link #write(List, int, Instant, Duration)}. */
    int write(long memberId, String slug, Profile profile, int days, Instant end, Duration rateEvery) throws SQLException {
        return write(List.of(new Target(memberId, slug, profile)), days, end, rateEvery);
    }

    /**
     * Writes {@code days} of history ending at {@code end} for the members, in time order, and rates every member as
     * of every {@code rateEvery} (the engine rates all members at once, so several members' histories are written in
     * one pass); returns the runs written.
     */
    int write(List<Target> targets, int days, Instant end, Duration rateEvery) throws SQLException {
        Instant start = end.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
        Instant badFrom = end.minus(Duration.ofDays(45));
        Instant badTo = end.minus(Duration.ofDays(38));
        List<Run> runs = new ArrayList<>();
        for (Target target : targets) {
            Random random = new Random(target.profile().seed());
            for (Instant t = start; t.isBefore(end); t = t.plus(API_INTERVAL)) {
                boolean bad = !t.isBefore(badFrom) && t.isBefore(badTo);
                runs.add(new Run(UUID.randomUUID(), target, "api", t, apiResults(t, target.profile(), bad, random)));
                if (Duration.between(start, t).toMinutes() % LIFECYCLE_INTERVAL.toMinutes() == 0) {
                    Instant at = t.plusSeconds(300);
                    runs.add(new Run(UUID.randomUUID(), target, "lifecycle", at, lifecycleResults(at, target.profile(), random)));
                }
            }
        }
        runs.sort(java.util.Comparator.comparing(Run::startedAt));
        insertRuns(runs);
        Instant nextRating = start.plus(rateEvery);
        for (Run run : runs) {
            while (!run.startedAt().isBefore(nextRating)) {
                engine.rateAll(nextRating);
                nextRating = nextRating.plus(rateEvery);
            }
            store.finishRun(run.id(), run.target().slug(), RunStatus.COMPLETED, "history", run.results());
        }
        return runs.size();
    }

    private record Run(UUID id, Target target, String probe, Instant startedAt, List<OperationResult> results) {
    }

    private static List<OperationResult> apiResults(Instant t, Profile p, boolean bad, Random random) {
        List<OperationResult> results = new ArrayList<>();
        double errorRate = bad ? 0.05 : p.errorRate();
        double factor = bad ? 3.0 : 1.0;
        long offset = 0;
        for (String operation : API_OPERATIONS) {
            double ms = p.latencyMs() * factor * (0.7 + 0.6 * random.nextDouble()) * (random.nextDouble() < 0.02 ? 4 : 1);
            Instant at = t.plusMillis(offset);
            offset += (long) ms + 5;
            double roll = random.nextDouble();
            if (roll < errorRate * 0.8) {
                results.add(new OperationResult(operation, at, ms, Outcome.ERROR, 503, "HttpError",
                        "HTTP 503 Service Unavailable from " + operation.substring(0, operation.indexOf('.')) + " endpoint"));
            } else if (roll < errorRate) {
                results.add(new OperationResult(operation, at, 10_000, Outcome.TIMEOUT, null, "ReadTimeout",
                        "no answer within 10 s (read timeout)"));
            } else {
                results.add(OperationResult.ok(operation, at, ms, 200));
            }
        }
        return results;
    }

    private static List<OperationResult> lifecycleResults(Instant t, Profile p, Random random) {
        List<OperationResult> results = new ArrayList<>();
        results.add(OperationResult.ok("identity.token.issue", t, p.latencyMs(), 201));
        Instant created = t.plusMillis(200);
        results.add(OperationResult.ok("compute.server.create", created, 600 + 400 * random.nextDouble(), 202));
        double bootMs = p.bootSeconds() * 1000 * (0.8 + 0.5 * random.nextDouble());
        if (random.nextDouble() < p.bootFailureRate()) {
            results.add(new OperationResult("compute.server.active", created, bootMs, Outcome.ERROR, null, "ServerError",
                    "server went to ERROR: No valid host was found. There are not enough hosts available."));
        } else {
            results.add(OperationResult.ok("compute.server.active", created, bootMs, null));
        }
        results.add(OperationResult.ok("compute.server.delete", created.plusMillis((long) bootMs + 500), 2000 + 1500 * random.nextDouble(), 204));
        return results;
    }

    private void insertRuns(List<Run> runs) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into probe_run (id, member_id, probe, vantage, trigger_kind,"
                     + " started_at, status) values (?, ?, ?, 'local', 'SCHEDULED', ?, 'RUNNING')")) {
            int batched = 0;
            for (Run run : runs) {
                insert.setObject(1, run.id());
                insert.setLong(2, run.target().memberId());
                insert.setString(3, run.probe());
                insert.setObject(4, OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
