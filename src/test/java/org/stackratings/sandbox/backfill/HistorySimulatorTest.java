package org.stackratings.sandbox.backfill;

import org.junit.jupiter.api.Test;
import org.stackratings.measurement.HistoryImport.ImportedRollup;
import org.stackratings.measurement.HistoryImport.ImportedRun;
import org.stackratings.measurement.LatencySketch;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.LatencyProfile;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.profile.OutageWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HistorySimulatorTest {

    private static final Instant END = Instant.parse("2026-03-10T12:34:56Z");

    /** What one simulation handed over. */
    private record History(List<ImportedRun> runs, List<ImportedRollup> rollups) {

        Map<String, long[]> totals() {
            Map<String, long[]> totals = new TreeMap<>();
            for (ImportedRollup r : rollups) {
                long[] t = totals.computeIfAbsent(r.operation(), k -> new long[4]);
                t[0] += r.ok();
                t[1] += r.error();
                t[2] += r.timeout();
                t[3] += r.inconclusive();
            }
            return totals;
        }

        LatencySketch latency(String operation) {
            LatencySketch sketch = new LatencySketch();
            rollups.stream().filter(r -> r.operation().equals(operation)).forEach(r -> sketch.add(r.latency()));
            return sketch;
        }
    }

    private static History simulate(CloudProfile profile, BackfillPlan plan, String probe, Duration interval) {
        List<ImportedRun> runs = new ArrayList<>();
        List<ImportedRollup> rollups = new ArrayList<>();
        new HistorySimulator(profile, plan, 7).simulate(probe, interval, (p, r, h) -> {
            assertThat(p).isEqualTo(probe);
            runs.addAll(r);
            rollups.addAll(h);
        });
        return new History(runs, rollups);
    }

    private static CloudProfile cloud(String name) {
        return CloudProfile.basic(name, name + "-secret");
    }

    @Test
    void theSameSeedAndPeriodGiveTheSameHistory() {
        CloudProfile profile = cloud("noisy").withLatency(LatencyProfile.lognormal(100, 300)).withErrors(0.05, 503);
        BackfillPlan plan = BackfillPlan.of(List.of("a", "b", "c", "noisy"), END, 2);
        History first = simulate(profile, plan, HistorySimulator.API, Duration.ofSeconds(30));
        History second = simulate(profile, plan, HistorySimulator.API, Duration.ofSeconds(30));
        assertThat(second.runs()).isEqualTo(first.runs());
        assertThat(second.totals()).usingRecursiveComparison().isEqualTo(first.totals());
        for (int i = 0; i < first.rollups().size(); i++) {
            assertThat(second.rollups().get(i).latency().encode()).isEqualTo(first.rollups().get(i).latency().encode());
        }
        History otherSeed = new History(new ArrayList<>(), new ArrayList<>());
        new HistorySimulator(profile, plan, 8).simulate(HistorySimulator.API, Duration.ofSeconds(30),
                (p, r, h) -> otherSeed.rollups().addAll(h));
        assertThat(otherSeed.totals().get("compute.flavors.list")).isNotEqualTo(first.totals().get("compute.flavors.list"));
    }

    @Test
    void runRowsStandForEveryScheduledRunExceptWhileTheAgencyWasDown() {
        // fourth in name order: no incident of the plan
        BackfillPlan plan = BackfillPlan.of(List.of("a", "b", "c", "clean"), END, 3);
        History history = simulate(cloud("clean"), plan, HistorySimulator.API, Duration.ofSeconds(15));
        long scheduled = (Duration.between(plan.start(), plan.end()).toMillis() + 14_999) / 15_000;
        long down = plan.agencyGaps().stream().mapToLong(g -> Duration.between(g.start(), g.end()).toSeconds() / 15).sum();
        assertThat(history.runs().stream().mapToLong(ImportedRun::coveredRuns).sum()).isEqualTo(scheduled - down);
        assertThat(history.runs()).allSatisfy(run -> {
            assertThat(Duration.between(run.startedAt(), run.finishedAt())).isLessThanOrEqualTo(HistorySimulator.SLOT);
            assertThat(plan.agencyDown(run.startedAt())).isFalse();
            assertThat(run.summary()).contains("not measured").contains("'clean'");
        });
        assertThat(history.runs().get(0).startedAt()).isEqualTo(plan.start());
        assertThat(history.runs().get(history.runs().size() - 1).finishedAt()).isEqualTo(plan.end());
        // a clean cloud: every call of every run is OK
        assertThat(history.totals().values()).allSatisfy(t -> assertThat(Arrays.copyOfRange(t, 1, 4)).containsOnly(0L));
        assertThat(history.totals().get("identity.token.issue")[0]).isEqualTo(scheduled - down);
    }

    @Test
    void namesOperationsAsTheProbesDoAndSkipsServicesTheCloudLacks() {
        BackfillPlan plan = BackfillPlan.of(List.of("a", "b", "c", "partial"), END, 1);
        CloudProfile partial = cloud("partial").withServices(List.of("identity", "compute", "image", "network"));
        assertThat(simulate(partial, plan, HistorySimulator.API, Duration.ofMinutes(1)).totals()).containsOnlyKeys(
                "identity.token.issue", "compute.flavors.list", "image.images.list", "network.networks.list");
        assertThat(simulate(partial, plan, HistorySimulator.LIFECYCLE, Duration.ofMinutes(2)).totals()).containsOnlyKeys(
                "identity.token.issue", "compute.server.create", "compute.server.active", "compute.server.delete");
        assertThatThrownBy(() -> simulate(partial, plan, "compliance", Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsErrorsAndLatencyFromTheProfile() {
        CloudProfile profile = cloud("fair").withLatency(LatencyProfile.lognormal(250, 600)).withErrors(0.1, 500);
        History history = simulate(profile, BackfillPlan.of(List.of("a", "b", "c", "fair"), END, 2), HistorySimulator.API,
                Duration.ofSeconds(15));
        long[] flavors = history.totals().get("compute.flavors.list");
        assertThat((double) flavors[1] / (flavors[0] + flavors[1])).isCloseTo(0.1, within(0.01));
        LatencySketch latency = history.latency("compute.flavors.list");
        assertThat(latency.count()).isEqualTo(flavors[0]);
        assertThat(latency.percentile(50)).isCloseTo(250, within(250 * 0.05));
        assertThat(latency.percentile(95)).isCloseTo(600, within(600 * 0.05));
    }

    @Test
    void profileOutagesFailEveryCallTheyCover() {
        CloudProfile profile = cloud("flaky").withOutages(List.of(OutageWindow.recurring(Duration.ofMinutes(30),
                Duration.ZERO, Duration.ofMinutes(15), FaultMode.ERROR, List.of("image"))), 120_000);
        History history = simulate(profile, BackfillPlan.of(List.of("a", "b", "c", "flaky"), END, 1), HistorySimulator.API,
                Duration.ofSeconds(15));
        long[] image = history.totals().get("image.images.list");
        assertThat((double) image[1] / (image[0] + image[1])).isCloseTo(0.5, within(0.01));
        assertThat(history.totals().get("compute.flavors.list")[1]).isZero();
    }

    @Test
    void theFirstCloudLosesEveryServiceDuringItsPlannedOutage() {
        BackfillPlan plan = BackfillPlan.of(List.of("a-first", "b-second"), END, 2);
        OutageWindow outage = plan.outagesOf("a-first").get(0);
        History history = simulate(cloud("a-first"), plan, HistorySimulator.API, Duration.ofSeconds(15));
        List<ImportedRollup> during = history.rollups().stream()
                .filter(r -> !r.hour().isBefore(outage.start()) && r.hour().isBefore(outage.end())).toList();
        assertThat(during).extracting(ImportedRollup::operation).containsOnly("identity.token.issue");
        assertThat(during).allSatisfy(r -> {
            assertThat(r.ok()).isZero();
            assertThat(r.error()).isEqualTo(240);
        });
    }

    @Test
    void timeoutOutagesTimeOutWhenTheCloudHangsLongerThanTheReadTimeout() {
        BackfillPlan plan = BackfillPlan.of(List.of("a", "b-hangs"), END, 2);
        OutageWindow outage = plan.outagesOf("b-hangs").get(0);
        assertThat(outage.mode()).isEqualTo(FaultMode.TIMEOUT);
        History history = simulate(cloud("b-hangs"), plan, HistorySimulator.API, Duration.ofSeconds(15));
        List<ImportedRollup> compute = history.rollups().stream().filter(r -> r.operation().equals("compute.flavors.list")
                && !r.hour().isBefore(outage.start()) && r.hour().isBefore(outage.end())).toList();
        assertThat(compute).hasSize(6).allSatisfy(r -> assertThat(r.timeout()).isEqualTo(240));
        assertThat(history.totals().get("image.images.list")[2]).isZero();
    }

    @Test
    void theThirdCloudSlowsDownAndRecovers() {
        BackfillPlan plan = BackfillPlan.of(List.of("a", "b", "c-slows"), END, 8);
        BackfillPlan.Slowdown slowdown = plan.slowdowns().get("c-slows").get(0);
        CloudProfile profile = cloud("c-slows").withLatency(LatencyProfile.constant(100));
        History history = simulate(profile, plan, HistorySimulator.API, Duration.ofMinutes(1));
        Instant middle = slowdown.start().plus(Duration.between(slowdown.start(), slowdown.end()).dividedBy(2));
        double peak = 100 * slowdown.factorAt(middle.plus(Duration.ofMinutes(30)));
        assertThat(peak).isGreaterThan(380);
        assertThat(p50At(history, middle)).isCloseTo(peak, within(peak * 0.02));
        assertThat(p50At(history, plan.start())).isCloseTo(100, within(2.0));
        assertThat(p50At(history, slowdown.end())).isCloseTo(100, within(2.0));
    }

    @Test
    void lifecycleRunsFollowBootAndDeleteTimesAndFailureRates() {
        CloudProfile profile = cloud("leaky").withLifecycle(new LifecycleProfile(LatencyProfile.constant(20_000), 0.1,
                LatencyProfile.constant(5_000), 0.2, 10));
        History history = simulate(profile, BackfillPlan.of(List.of("a", "b", "c", "leaky"), END, 3), HistorySimulator.LIFECYCLE,
                Duration.ofMinutes(2));
        long[] active = history.totals().get("compute.server.active");
        long[] delete = history.totals().get("compute.server.delete");
        assertThat(active[0] + active[1]).isEqualTo(history.totals().get("compute.server.create")[0]);
        assertThat((double) active[1] / (active[0] + active[1])).isCloseTo(0.1, within(0.02));
        assertThat((double) delete[2] / (delete[0] + delete[2])).isCloseTo(0.2, within(0.02));
        // ACTIVE is seen by the poll after 20 s (1 + 1.5 + 2.25 + 3.375 + 5.06 + 7.59 = 20.78 s after the request)
        assertThat(history.latency("compute.server.active").percentile(50)).isCloseTo(20_780, within(20_780 * 0.01));
        assertThat(HistorySimulator.polledAt(20_000)).isCloseTo(20_781.25, within(0.01));
        assertThat(HistorySimulator.polledAt(0)).isEqualTo(1_000);
    }

    private static double p50At(History history, Instant at) {
        Instant hour = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        LatencySketch sketch = new LatencySketch();
        history.rollups().stream().filter(r -> r.hour().equals(hour) && r.operation().equals("compute.flavors.list"))
                .forEach(r -> sketch.add(r.latency()));
        return sketch.percentile(50);
    }
}
