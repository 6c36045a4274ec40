package org.stackratings.sandbox.backfill;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.HistoryImport.ImportedRollup;
import org.stackratings.measurement.LatencySketch;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.rating.ActionType;
import org.stackratings.rating.MethodologyConfig;
import org.stackratings.rating.PlannedAction;
import org.stackratings.rating.PublishedRating;
import org.stackratings.rating.Scorecard;
import org.stackratings.rating.ScorecardResult;
import org.stackratings.rating.StabilityRules;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark, not a test (tag "benchmark"): what a methodology makes of the dev clouds' generated history, without a
 * database: the scorecard and the stability rules over {@code benchmark.days} (default 90) days, hour by hour, as the
 * replay does, and the actions per cloud (compliance taken as fully passing, cumulus with 3 of 33 failing).
 * {@code benchmark.methodology} overrides settings: {@code window=P1D,stability.hold=PT2M}. This is how the dev hold
 * was chosen (docs/methodology.md).
 * {@code ./mvnw test -Dtest=BackfillActionsBenchmark -Dsurefire.excludedGroups= -Dbenchmark.methodology=...}
 */
@Tag("benchmark")
class BackfillActionsBenchmark {

    @Test
    void countsTheActionsOfTheDevHistory() {
        Map<String, String> settings = new HashMap<>(Map.of("window", "P1D", "minimum-history", "PT3M",
                "minimum-coverage", "0.8", "stability.affirm-after", "P7D"));
        for (String pair : System.getProperty("benchmark.methodology", "").split(",")) {
            if (!pair.isBlank()) {
                settings.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        Map<String, String> keys = new HashMap<>();
        settings.forEach((k, v) -> keys.put("stackratings.methodology." + k, v));
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(MethodologyConfig.class)
                .withSources(new PropertiesConfigSource(keys, "benchmark", 500)).build();
        MethodologyConfig methodology = config.getConfigMapping(MethodologyConfig.class);
        Scorecard scorecard = new Scorecard(methodology);
        StabilityRules rules = new StabilityRules(new StabilityRules.Settings(methodology.stability().hold(),
                methodology.stability().sharpNotches(), methodology.stability().affirmAfter()));

        List<CloudProfile> clouds = CloudProfiles.loadFrom("sandbox/dev-clouds.yaml");
        Instant end = Instant.parse("2026-11-25T18:49:28Z");
        BackfillPlan plan = BackfillPlan.of(clouds.stream().map(CloudProfile::name).toList(), end,
                Integer.getInteger("benchmark.days", 90));
        System.out.println("settings " + new TreeMap<>(settings));
        for (CloudProfile cloud : clouds) {
            TreeMap<Instant, List<ImportedRollup>> api = new TreeMap<>();
            TreeMap<Instant, List<ImportedRollup>> lifecycle = new TreeMap<>();
            TreeMap<Instant, Integer> runs = new TreeMap<>();
            HistorySimulator simulator = new HistorySimulator(cloud, plan, 2026);
            simulator.simulate(HistorySimulator.API, Duration.ofSeconds(15), (probe, r, rollups) -> {
                r.forEach(run -> runs.put(run.startedAt(), run.coveredRuns()));
                rollups.forEach(x -> api.computeIfAbsent(x.hour(), k -> new ArrayList<>()).add(x));
            });
            simulator.simulate(HistorySimulator.LIFECYCLE, Duration.ofMinutes(2), (probe, r, rollups) ->
                    rollups.forEach(x -> lifecycle.computeIfAbsent(x.hour(), k -> new ArrayList<>()).add(x)));
            WindowStatistics.ComplianceSummary compliance = cloud.name().equals("cumulus")
                    ? new WindowStatistics.ComplianceSummary("g", 30, 3, 0, end, List.of("quota"))
                    : new WindowStatistics.ComplianceSummary("g", 33, 0, 0, end, List.of());
            PublishedRating current = PublishedRating.NONE;
            Map<ActionType, Integer> counts = new TreeMap<>();
            List<String> moves = new ArrayList<>();
            for (Instant t = plan.start().plus(Duration.ofHours(1)); !t.isAfter(end); t = t.plus(Duration.ofHours(1))) {
                Instant from = t.minus(methodology.window());
                long measured = runs.subMap(from, t).values().stream().mapToLong(Integer::longValue).sum();
                ScorecardResult result = scorecard.rate(new WindowStatistics(from, t, plan.start(), measured,
                        totals(api, from, t), List.of(), totals(lifecycle, from, t), compliance), Duration.ofSeconds(15));
                boolean capped = result.caps().stream().anyMatch(c -> c.code().equals("AVAILABILITY_BELOW_THRESHOLD"));
                StabilityRules.Decision decision = rules.decide(current, result.indicated(), capped, false, t);
                for (PlannedAction action : decision.actions()) {
                    counts.merge(action.type(), 1, Integer::sum);
                    if (action.type() != ActionType.AFFIRMED) {
                        moves.add(t + " " + action.type() + " " + action.previous().symbol() + " -> " + action.notch().symbol());
                    }
                }
                current = decision.state();
            }
            // every dev cloud has history enough to be rated, once, at the start of the replay
            org.assertj.core.api.Assertions.assertThat(counts).as(cloud.name()).containsEntry(ActionType.ASSIGNED, 1);
            System.out.printf("%-9s final %-4s %s%n", cloud.name(), current.notch().symbol(), counts);
            moves.stream().limit(8).forEach(m -> System.out.println("    " + m));
        }
    }

    private static Map<String, WindowStatistics.OperationStatistics> totals(TreeMap<Instant, List<ImportedRollup>> hours,
                                                                           Instant from, Instant to) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, LatencySketch> latency = new HashMap<>();
        hours.subMap(from.truncatedTo(ChronoUnit.HOURS), to).values().forEach(rows -> rows.forEach(r -> {
            long[] c = counts.computeIfAbsent(r.operation(), k -> new long[4]);
            c[0] += r.ok();
            c[1] += r.error();
            c[2] += r.timeout();
            c[3] += r.inconclusive();
            latency.computeIfAbsent(r.operation(), k -> new LatencySketch()).add(r.latency());
        }));
        Map<String, WindowStatistics.OperationStatistics> out = new LinkedHashMap<>();
        counts.forEach((op, c) -> {
            LatencySketch l = latency.get(op);
            out.put(op, new WindowStatistics.OperationStatistics(op, c[0], c[1], c[2], c[3], l.percentile(50),
                    l.percentile(95), l.percentile(99)));
        });
        return out;
    }
}
