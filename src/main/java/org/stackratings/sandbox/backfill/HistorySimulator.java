package org.stackratings.sandbox.backfill;

import org.stackratings.measurement.HistoryImport.ImportedRun;
import org.stackratings.measurement.HistoryImport.ImportedRollup;
import org.stackratings.measurement.LatencySketch;
import org.stackratings.measurement.Outcome;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.profile.OutageWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Simulates what the {@code api} and {@code lifecycle} probes would have measured of one sandbox cloud over a backfill
 * period, from the cloud's profile (latency distributions, error rate, outage windows, boot and delete times and failure
 * rates) and the plan's incidents. A pure function of profile, plan, cadence and seed: each run at the member's cadence
 * is simulated call by call, with a random source per probe and hour, so the same hour always gives the same results.
 *
 * <p>Results are handed over a day at a time, with one run row per 15-minute slot that stands for the runs in it.
 * Simplifications (docs/sandbox.md): latencies are the profile's alone (no network or client time); polling of a
 * server follows the lifecycle probe's default back-off (1 s, × 1.5, at most 10 s) and deadlines (ACTIVE 5 min, gone
 * 3 min); a TIMEOUT outage is a timeout when the cloud hangs at least the default read timeout (10 s); compliance is
 * not simulated.
 */
final class HistorySimulator {

    /** How much time one run row stands for. */
    static final Duration SLOT = Duration.ofMinutes(15);
    static final String API = "api";
    static final String LIFECYCLE = "lifecycle";
    /** Operations as the api probe names them, with the service each one calls. */
    static final String TOKEN_ISSUE = "identity.token.issue";
    static final List<Map.Entry<String, String>> API_OPERATIONS = List.of(
            Map.entry("compute.flavors.list", "compute"),
            Map.entry("image.images.list", "image"),
            Map.entry("network.networks.list", "network"),
            Map.entry("volume.volumes.list", "volume"));
    /** Operations as the lifecycle probe names them. */
    static final String CREATE = "compute.server.create";
    static final String ACTIVE = "compute.server.active";
    static final String DELETE = "compute.server.delete";

    private static final long READ_TIMEOUT_MS = 10_000;
    private static final long ACTIVE_DEADLINE_MS = Duration.ofMinutes(5).toMillis();
    private static final long DELETE_DEADLINE_MS = Duration.ofMinutes(3).toMillis();
    private static final long POLL_INITIAL_MS = 1_000;
    private static final long POLL_MAX_MS = 10_000;

    /** Receives one day of one probe: the run rows and the hourly rollup rows. */
    interface Sink {
        void accept(String probe, List<ImportedRun> runs, List<ImportedRollup> rollups);
    }

    /** What one operation gave within one hour. */
    private final class Cell {
        final long[] counts = new long[Outcome.values().length];
        final LatencySketch latency = new LatencySketch();
        double sumMs;
        double minMs = Double.MAX_VALUE;
        double maxMs;

        Outcome ok(double ms) {
            calls++;
            oks++;
            counts[Outcome.OK.ordinal()]++;
            latency.record(ms);
            sumMs += ms;
            minMs = Math.min(minMs, ms);
            maxMs = Math.max(maxMs, ms);
            return Outcome.OK;
        }

        Outcome failed(Outcome outcome) {
            calls++;
            counts[outcome.ordinal()]++;
            return outcome;
        }

        long total() {
            return counts[0] + counts[1] + counts[2] + counts[3];
        }
    }

    private static final List<String> LIFECYCLE_OPERATIONS = List.of(TOKEN_ISSUE, CREATE, ACTIVE, DELETE);

    private final CloudProfile profile;
    private final BackfillPlan plan;
    private final long seed;
    private final OutageWindow[] outages;
    private final List<String> apiOperations;
    private final List<String> apiServices;
    /** Calls (and OK ones) simulated so far, for the run rows' summaries. */
    private long calls;
    private long oks;

    HistorySimulator(CloudProfile profile, BackfillPlan plan, long seed) {
        this.profile = profile;
        this.plan = plan;
        this.seed = seed;
        this.outages = Stream.concat(profile.outages().stream(), plan.outagesOf(profile.name()).stream())
                .toArray(OutageWindow[]::new);
        List<String> operations = new ArrayList<>(List.of(TOKEN_ISSUE));
        List<String> services = new ArrayList<>(List.of("identity"));
        for (Map.Entry<String, String> op : API_OPERATIONS) {
            if (profile.offers(op.getValue())) {
                operations.add(op.getKey());
                services.add(op.getValue());
            }
        }
        this.apiOperations = List.copyOf(operations);
        this.apiServices = List.copyOf(services);
    }

    /** Simulates the probe ({@link #API} or {@link #LIFECYCLE}) at the cadence over the plan's period, a day at a time. */
    void simulate(String probe, Duration interval, Sink sink) {
        if (!API.equals(probe) && !LIFECYCLE.equals(probe)) {
            throw new IllegalArgumentException("the backfill simulates the api and lifecycle probes, not " + probe);
        }
        List<String> operations = API.equals(probe) ? apiOperations : LIFECYCLE_OPERATIONS;
        long start = plan.start().toEpochMilli();
        long end = plan.end().toEpochMilli();
        long step = interval.toMillis();
        long day = Duration.ofDays(1).toMillis();
        long hour = Duration.ofHours(1).toMillis();
        long slotLength = SLOT.toMillis();
        for (long dayStart = start; dayStart < end; dayStart += day) {
            List<ImportedRollup> rollups = new ArrayList<>();
            TreeMap<Long, long[]> slots = new TreeMap<>();
            long dayEnd = Math.min(dayStart + day, end);
            for (long hourStart = dayStart; hourStart < dayEnd; hourStart += hour) {
                Random random = random(probe, hourStart);
                Cell[] cells = new Cell[operations.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = new Cell();
                }
                long first = start + (hourStart - start + step - 1) / step * step;
                for (long t = first; t < Math.min(hourStart + hour, end); t += step) {
                    Instant at = Instant.ofEpochMilli(t);
                    if (plan.agencyDown(at)) {
                        continue;
                    }
                    long before = calls;
                    long okBefore = oks;
                    if (API.equals(probe)) {
                        apiRun(at, random, cells);
                    } else {
                        lifecycleRun(at, random, cells);
                    }
                    long[] tally = slots.computeIfAbsent(start + (t - start) / slotLength * slotLength, k -> new long[3]);
                    tally[0]++;
                    tally[1] += calls - before;
                    tally[2] += oks - okBefore;
                }
                for (int i = 0; i < cells.length; i++) {
                    Cell c = cells[i];
                    if (c.total() > 0) {
                        rollups.add(new ImportedRollup(operations.get(i), Instant.ofEpochMilli(hourStart),
                                c.counts[Outcome.OK.ordinal()], c.counts[Outcome.ERROR.ordinal()],
                                c.counts[Outcome.TIMEOUT.ordinal()], c.counts[Outcome.INCONCLUSIVE.ordinal()], c.latency,
                                c.sumMs, c.minMs, c.maxMs));
                    }
                }
            }
            List<ImportedRun> runs = new ArrayList<>();
            slots.forEach((slot, tally) -> runs.add(new ImportedRun(probe, Instant.ofEpochMilli(slot),
                    Instant.ofEpochMilli(Math.min(slot + slotLength, end)), (int) tally[0], summary(probe, tally))));
            sink.accept(probe, runs, rollups);
        }
    }

    private String summary(String probe, long[] tally) {
        return String.format("sandbox backfill, not measured: stands for %d %s runs simulated from the profile of"
                + " sandbox cloud '%s' (%d calls, %d OK)", tally[0], probe, profile.name(), tally[1], tally[2]);
    }

    /** Token, then one list call per offered service; nothing more when the token fails (as the api probe does). */
    private void apiRun(Instant at, Random random, Cell[] cells) {
        double slowdown = plan.slowdownOf(profile.name(), at);
        if (call(cells[0], "identity", at, random, slowdown) != Outcome.OK) {
            return;
        }
        for (int i = 1; i < cells.length; i++) {
            call(cells[i], apiServices.get(i), at, random, slowdown);
        }
    }

    /** Token, create, wait for ACTIVE (boot time and failure rate), delete and wait until gone. */
    private void lifecycleRun(Instant at, Random random, Cell[] cells) {
        double slowdown = plan.slowdownOf(profile.name(), at);
        if (call(cells[0], "identity", at, random, slowdown) != Outcome.OK || !profile.offers("compute")) {
            return;
        }
        double createMs = latency("compute", random, slowdown);
        if (call(cells[1], "compute", at, random, slowdown, createMs) != Outcome.OK) {
            return;
        }
        LifecycleProfile lifecycle = profile.lifecycle();
        double active = createMs + polledAt(lifecycle.bootTime().sampleMs(random) * slowdown)
                + latency("compute", random, slowdown);
        if (random.nextDouble() < lifecycle.bootFailureRate()) {
            cells[2].failed(Outcome.ERROR);
        } else if (active > ACTIVE_DEADLINE_MS) {
            cells[2].failed(Outcome.TIMEOUT);
        } else {
            cells[2].ok(active);
        }
        double gone = latency("compute", random, slowdown) + polledAt(lifecycle.deleteTime().sampleMs(random));
        if (random.nextDouble() < lifecycle.deleteFailureRate() || gone > DELETE_DEADLINE_MS) {
            cells[3].failed(Outcome.TIMEOUT);
        } else {
            cells[3].ok(gone);
        }
    }

    private Outcome call(Cell cell, String service, Instant at, Random random, double slowdown) {
        return call(cell, service, at, random, slowdown, latency(service, random, slowdown));
    }

    /** One API call as the sandbox would answer it: an outage window, an injected error, or the latency. */
    private Outcome call(Cell cell, String service, Instant at, Random random, double slowdown, double latencyMs) {
        for (OutageWindow outage : outages) {
            if (outage.affects(service, at)) {
                return cell.failed(outage.mode() == FaultMode.TIMEOUT && profile.hangMs() >= READ_TIMEOUT_MS
                        ? Outcome.TIMEOUT : Outcome.ERROR);
            }
        }
        if (profile.errorRate() > 0 && random.nextDouble() < profile.errorRate()) {
            return cell.failed(Outcome.ERROR);
        }
        return cell.ok(latencyMs);
    }

    private double latency(String service, Random random, double slowdown) {
        return profile.latencyFor(service).sampleMs(random) * slowdown;
    }

    /** When the probe's polling (1 s, then × 1.5 up to 10 s) first sees a state reached after {@code ms}. */
    static double polledAt(double ms) {
        double at = 0;
        double delay = POLL_INITIAL_MS;
        do {
            at += Math.min(POLL_MAX_MS, delay);
            delay *= 1.5;
        } while (at < ms);
        return at;
    }

    private Random random(String probe, long hourStart) {
        long mixed = seed;
        mixed = mixed * 1_000_003L + profile.name().hashCode();
        mixed = mixed * 1_000_003L + probe.hashCode();
        mixed = mixed * 1_000_003L + hourStart / 3_600_000L;
        return new Random(mixed);
    }
}
