package org.stackratings.rating;

import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatistics.OperationStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scorecard (PRODUCT.md section 4, RATING.md section 5): factor scores from a window of measurements,
 * a weighted score, the notch it indicates, and the caps that bind. A pure function of its inputs and
 * the {@link MethodologyConfig}.
 */
@ApplicationScoped
public class Scorecard {

    private final MethodologyConfig m;
    private final Grid availabilityGrid;
    private final Grid p50Grid;
    private final Grid p95Grid;
    private final Grid p99Grid;
    private final Grid bootGrid;
    private final Grid activeGrid;
    private final Grid deleteGrid;
    private final Grid complianceGrid;

    public Scorecard(MethodologyConfig methodology) {
        this.m = methodology;
        List<Double> floors = methodology.categoryFloors();
        this.availabilityGrid = Grid.availability("apiAvailability", methodology.grids().apiAvailability(), floors);
        this.p50Grid = Grid.latency("latencyP50", methodology.grids().latencyP50(), floors);
        this.p95Grid = Grid.latency("latencyP95", methodology.grids().latencyP95(), floors);
        this.p99Grid = Grid.latency("latencyP99", methodology.grids().latencyP99(), floors);
        this.bootGrid = Grid.percent("bootSuccess", methodology.grids().bootSuccess(), floors, 50.0);
        this.activeGrid = Grid.latency("timeToActiveP95", methodology.grids().timeToActiveP95Seconds(), floors);
        this.deleteGrid = Grid.percent("deleteSuccess", methodology.grids().deleteSuccess(), floors, 50.0);
        this.complianceGrid = Grid.percent("compliance", methodology.grids().compliance(), floors, 50.0);
        for (String cap : List.of(methodology.caps().complianceCap(), methodology.caps().bootSuccessCap())) {
            Notch.fromSymbol(cap).filter(Notch::isRated).orElseThrow(() ->
                    new IllegalStateException("stackratings.methodology.caps: '" + cap + "' is not a notch"));
        }
        if (methodology.notchFloors().size() != 20) {
            throw new IllegalStateException("stackratings.methodology.notch-floors needs 20 values (Aaa..Ca), has "
                    + methodology.notchFloors().size());
        }
        Notch.fromSymbol(methodology.caps().availabilityCap()).filter(Notch::isRated).orElseThrow(() ->
                new IllegalStateException("stackratings.methodology.caps.availability-cap is not a notch: "
                        + methodology.caps().availabilityCap()));
    }

    public String version() {
        return m.version();
    }

    public Duration window() {
        return m.window();
    }

    /** The methodology in force, as published. */
    public MethodologyView methodology() {
        return MethodologyView.of(m);
    }

    public ScorecardResult rate(WindowStatistics stats, Duration apiInterval) {
        Coverage coverage = coverage(stats, apiInterval);
        if (stats.firstRunAt() == null || coverage.history().compareTo(m.minimumHistory()) < 0
                || coverage.share() < m.minimumCoverage()) {
            String reason = stats.firstRunAt() == null ? "no measurements yet"
                    : coverage.history().compareTo(m.minimumHistory()) < 0
                    ? "measured history " + coverage.history() + " is shorter than the minimum " + m.minimumHistory()
                    : String.format("data coverage %.1f %% is below the minimum %.1f %%",
                    coverage.share() * 100, m.minimumCoverage() * 100);
            return ScorecardResult.notRated(reason, coverage, m.version());
        }
        List<FactorScore> factors = new ArrayList<>();
        availability(stats).ifPresent(factors::add);
        latency(stats).ifPresent(factors::add);
        lifecycle(stats).ifPresent(factors::add);
        compliance(stats).ifPresent(factors::add);
        if (factors.isEmpty()) {
            return ScorecardResult.notRated("no operation in the window measured the member", coverage, m.version());
        }
        double weightSum = factors.stream().mapToDouble(FactorScore::weight).sum();
        double score = factors.stream().mapToDouble(f -> f.weight() * f.score()).sum() / weightSum;
        Notch scorecardNotch = notchFor(score);
        List<CapApplied> caps = new ArrayList<>();
        factors.stream().filter(f -> f.name().equals("availability")).findFirst().ifPresent(a -> {
            double value = a.subFactors().get(0).value();
            if (value < m.caps().availabilityBelow()) {
                caps.add(new CapApplied("AVAILABILITY_BELOW_THRESHOLD", Notch.fromSymbol(m.caps().availabilityCap()).orElseThrow(),
                        String.format("API availability %.3f %% is below %.1f %%", value, m.caps().availabilityBelow())));
            }
        });
        factors.stream().filter(f -> f.name().equals("compliance")).findFirst().ifPresent(c -> {
            double share = c.subFactors().get(0).value();
            if (share < m.caps().complianceBelow()) {
                caps.add(new CapApplied("COMPLIANCE_BELOW_THRESHOLD", Notch.fromSymbol(m.caps().complianceCap()).orElseThrow(),
                        String.format("%.1f %% of the checked required capabilities pass, below the guideline threshold of %.0f %% (failing: %s)",
                                share, m.caps().complianceBelow(), String.join(", ", stats.compliance().failedCapabilities()))));
            }
        });
        bootLowerBound(stats).ifPresent(bound -> {
            if (bound < m.caps().bootSuccessBelow()) {
                caps.add(new CapApplied("BOOT_SUCCESS_BELOW_THRESHOLD", Notch.fromSymbol(m.caps().bootSuccessCap()).orElseThrow(),
                        String.format("boot success (Wilson 95 %% lower bound) %.2f %% is below %.0f %%", bound, m.caps().bootSuccessBelow())));
            }
        });
        Notch indicated = caps.stream().map(CapApplied::cap).reduce(scorecardNotch, Notch::worse);
        return new ScorecardResult(indicated, scorecardNotch, round(score), factors, caps, coverage, null, m.version());
    }

    Notch notchFor(double score) {
        List<Double> floors = m.notchFloors();
        for (int i = 0; i < floors.size(); i++) {
            if (score >= floors.get(i)) {
                return Notch.ofIndex(i + 1);
            }
        }
        return Notch.CA;
    }

    private java.util.Optional<FactorScore> availability(WindowStatistics stats) {
        Map<String, double[]> byService = new LinkedHashMap<>();
        for (OperationStatistics op : stats.operations().values()) {
            if (op.counted() == 0) {
                continue;
            }
            double[] c = byService.computeIfAbsent(service(op.operation()), s -> new double[2]);
            c[0] += op.ok();
            c[1] += op.counted();
        }
        if (byService.isEmpty()) {
            return java.util.Optional.empty();
        }
        double weighted = 0;
        double weights = 0;
        List<SubFactorScore> perService = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byService.entrySet()) {
            double percent = 100.0 * e.getValue()[0] / e.getValue()[1];
            double w = serviceWeight(e.getKey());
            weighted += w * percent;
            weights += w;
            perService.add(new SubFactorScore("availability." + e.getKey(), round(percent), "%",
                    availabilityGrid.category(percent), round(availabilityGrid.score(percent)), w));
        }
        double api = weighted / weights;
        List<SubFactorScore> subs = new ArrayList<>();
        subs.add(new SubFactorScore("apiAvailability", round4(api), "%", availabilityGrid.category(api),
                round(availabilityGrid.score(api)), 1.0));
        subs.addAll(perService);
        return java.util.Optional.of(new FactorScore("availability", m.weights().availability(),
                round(availabilityGrid.score(api)), subs));
    }

    private java.util.Optional<FactorScore> latency(WindowStatistics stats) {
        List<OperationStatistics> measured = stats.operations().values().stream().filter(o -> o.p50() != null).toList();
        if (measured.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<SubFactorScore> subs = new ArrayList<>();
        double s50 = percentileScore("latencyP50", measured, OperationStatistics::p50, p50Grid, m.weights().latencyP50(), subs);
        double s95 = percentileScore("latencyP95", measured, OperationStatistics::p95, p95Grid, m.weights().latencyP95(), subs);
        double s99 = percentileScore("latencyP99", measured, OperationStatistics::p99, p99Grid, m.weights().latencyP99(), subs);
        double w = m.weights().latencyP50() + m.weights().latencyP95() + m.weights().latencyP99();
        double score = (s50 * m.weights().latencyP50() + s95 * m.weights().latencyP95() + s99 * m.weights().latencyP99()) / w;
        return java.util.Optional.of(new FactorScore("latency", m.weights().latency(), round(score), subs));
    }

    private java.util.Optional<FactorScore> lifecycle(WindowStatistics stats) {
        OperationStatistics create = stats.lifecycle().get("compute.server.create");
        OperationStatistics active = stats.lifecycle().get("compute.server.active");
        if (create == null || create.counted() == 0) {
            return java.util.Optional.empty();
        }
        List<SubFactorScore> subs = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        double boot = 100.0 * (active == null ? 0 : active.ok()) / create.counted();
        double bootScore = bootGrid.score(boot);
        subs.add(new SubFactorScore("bootSuccess", round(boot), "%", bootGrid.category(boot), round(bootScore), m.weights().bootSuccess()));
        weighted += bootScore * m.weights().bootSuccess();
        weights += m.weights().bootSuccess();
        if (active != null && active.p95() != null) {
            double seconds = active.p95() / 1000.0;
            double score = activeGrid.score(seconds);
            subs.add(new SubFactorScore("timeToActiveP95", round(seconds), "s", activeGrid.category(seconds), round(score),
                    m.weights().timeToActiveP95()));
            weighted += score * m.weights().timeToActiveP95();
            weights += m.weights().timeToActiveP95();
        }
        OperationStatistics delete = stats.lifecycle().get("compute.server.delete");
        if (delete != null && delete.counted() > 0) {
            double success = 100.0 * delete.ok() / delete.counted();
            double score = deleteGrid.score(success);
            subs.add(new SubFactorScore("deleteSuccess", round(success), "%", deleteGrid.category(success), round(score),
                    m.weights().deleteSuccess()));
            weighted += score * m.weights().deleteSuccess();
            weights += m.weights().deleteSuccess();
        }
        return java.util.Optional.of(new FactorScore("lifecycle", m.weights().lifecycle(), round(weighted / weights), subs));
    }

    private java.util.Optional<FactorScore> compliance(WindowStatistics stats) {
        WindowStatistics.ComplianceSummary c = stats.compliance();
        if (c == null || c.passed() + c.failed() == 0) {
            return java.util.Optional.empty();
        }
        double share = 100.0 * c.passed() / (c.passed() + c.failed());
        double score = complianceGrid.score(share);
        return java.util.Optional.of(new FactorScore("compliance", m.weights().compliance(), round(score), List.of(
                new SubFactorScore("requiredCapabilitiesPassing", round(share), "%", complianceGrid.category(share), round(score), 1.0))));
    }

    /** Wilson 95 % lower bound of boot success in percent, when enough boots were attempted to support it. */
    private java.util.Optional<Double> bootLowerBound(WindowStatistics stats) {
        OperationStatistics create = stats.lifecycle().get("compute.server.create");
        OperationStatistics active = stats.lifecycle().get("compute.server.active");
        if (create == null || create.counted() < m.caps().bootSuccessMinimumBoots()) {
            return java.util.Optional.empty();
        }
        double n = create.counted();
        double p = (active == null ? 0 : active.ok()) / n;
        double z = 1.959964;
        double bound = (p + z * z / (2 * n) - z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n);
        return java.util.Optional.of(100.0 * bound);
    }

    /** Scores one percentile per operation and returns the mean score across operations. */
    private static double percentileScore(String name, List<OperationStatistics> ops, Function<OperationStatistics, Double> value,
                                          Grid grid, double weight, List<SubFactorScore> out) {
        double sum = 0;
        for (OperationStatistics op : ops) {
            double v = value.apply(op);
            double s = grid.score(v);
            sum += s;
            out.add(new SubFactorScore(name + "." + op.operation(), round(v), "ms", grid.category(v), round(s), weight));
        }
        return sum / ops.size();
    }

    private double serviceWeight(String service) {
        return switch (service) {
            case "identity" -> m.serviceWeights().identity();
            case "compute" -> m.serviceWeights().compute();
            case "network" -> m.serviceWeights().network();
            case "volume" -> m.serviceWeights().volume();
            case "image" -> m.serviceWeights().image();
            default -> 0;
        };
    }

    /** {@code compute.flavors.list} → {@code compute}. */
    static String service(String operation) {
        int dot = operation.indexOf('.');
        return dot < 0 ? operation : operation.substring(0, dot);
    }

    private static Coverage coverage(WindowStatistics stats, Duration apiInterval) {
        if (stats.firstRunAt() == null) {
            return new Coverage(0, 0, 0, Duration.ZERO);
        }
        Instant start = stats.firstRunAt().isAfter(stats.from()) ? stats.firstRunAt() : stats.from();
        long expected = Math.max(1, Duration.between(start, stats.to()).toMillis() / apiInterval.toMillis());
        double share = Math.min(1.0, (double) stats.measuredRuns() / expected);
        return new Coverage(round4(share), stats.measuredRuns(), expected,
                Duration.ofSeconds(Duration.between(stats.firstRunAt(), stats.to()).toSeconds()));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
