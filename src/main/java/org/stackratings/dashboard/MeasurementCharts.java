package org.stackratings.dashboard;

import org.stackratings.measurement.RollupHistory;
import org.stackratings.measurement.WindowStatistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Charts and tables drawn from the hourly rollups: API latency per operation, availability per service per day,
 * and the lifecycle probe's boot success and time to ACTIVE.
 *
 * @param grid the range's steps (latency, time to ACTIVE)
 * @param days the range's UTC days (availability, boot success)
 */
record MeasurementCharts(TimeGrid grid, TimeGrid days) {

    static final String API = "api";
    static final String LIFECYCLE = "lifecycle";
    static final String CREATE = "compute.server.create";
    static final String ACTIVE = "compute.server.active";

    /** One chart per api operation: p50, p95 and p99 of its OK calls per step. */
    List<ChartSpec> latency(List<RollupHistory.Series> series) {
        List<ChartSpec> charts = new ArrayList<>();
        for (RollupHistory.Series s : series) {
            if (!API.equals(s.probe())) {
                continue;
            }
            RollupHistory.Point last = lastWithLatency(s);
            String summary = last == null ? "No successful call in this range."
                    : "Latest step: p50 " + ms(last.p50()) + ", p95 " + ms(last.p95()) + ", p99 " + ms(last.p99()) + ".";
            charts.add(new ChartSpec("latency-" + s.operation().replace('.', '-'), s.operation(), summary, "ms", grid.x(),
                    List.of(percentile(s, "p50", RollupHistory.Point::p50, Palette.BLUE),
                            percentile(s, "p95", RollupHistory.Point::p95, Palette.VERMILLION),
                            percentile(s, "p99", RollupHistory.Point::p99, Palette.GREEN))));
        }
        return charts;
    }

    /** The services of the api probe (identity, compute, …), in the order of their operations. */
    List<String> services(List<RollupHistory.Series> daily) {
        return daily.stream().filter(s -> API.equals(s.probe())).map(s -> service(s.operation())).distinct().toList();
    }

    /** Availability (OK of counted calls) of each service per UTC day, as a chart. */
    ChartSpec availabilityChart(List<RollupHistory.Series> daily) {
        Map<String, Map<Long, long[]>> byService = availabilityCounts(daily);
        List<ChartSpec.Series> lines = new ArrayList<>();
        int n = 0;
        StringBuilder worst = new StringBuilder();
        double lowest = Double.MAX_VALUE;
        for (Map.Entry<String, Map<Long, long[]>> e : byService.entrySet()) {
            Map<Long, Double> percent = new HashMap<>();
            for (Map.Entry<Long, long[]> day : e.getValue().entrySet()) {
                Double p = percent(day.getValue());
                if (p != null) {
                    percent.put(day.getKey(), p);
                    if (p < lowest) {
                        lowest = p;
                        worst.setLength(0);
                        worst.append(e.getKey()).append(" on ").append(LocalDate.ofInstant(Instant.ofEpochSecond(day.getKey()), ZoneOffset.UTC));
                    }
                }
            }
            Palette style = Palette.at(n++);
            lines.add(ChartSpec.Series.line(e.getKey(), days.align(percent), style.color, style.dash));
        }
        String summary = worst.isEmpty() ? "No api probe calls in this range."
                : "Lowest daily availability: " + pct(lowest) + " (" + worst + ").";
        return new ChartSpec("availability", "Availability per service per day (%)", summary, "percent", days.x(), lines);
    }

    /** The same as a table: one row per UTC day (newest first), one cell per service. */
    List<MemberPageView.AvailabilityDay> availabilityTable(List<RollupHistory.Series> daily, List<String> services) {
        Map<String, Map<Long, long[]>> byService = availabilityCounts(daily);
        List<MemberPageView.AvailabilityDay> rows = new ArrayList<>();
        for (int i = days.x().size() - 1; i >= 0; i--) {
            long day = days.x().get(i);
            List<MemberPageView.Cell> cells = new ArrayList<>();
            for (String service : services) {
                long[] c = byService.getOrDefault(service, Map.of()).get(day);
                cells.add(cell(c));
            }
            rows.add(new MemberPageView.AvailabilityDay(LocalDate.ofInstant(Instant.ofEpochSecond(day), ZoneOffset.UTC).toString(), cells));
        }
        return rows;
    }

    /** Boot success per UTC day: servers that reached ACTIVE of those the probe asked for. */
    ChartSpec bootSuccess(List<RollupHistory.Series> daily) {
        Map<Long, long[]> attempts = new TreeMap<>();
        forOperation(daily, CREATE, p -> attempts.computeIfAbsent(day(p), d -> new long[2])[0] += p.counted());
        forOperation(daily, ACTIVE, p -> attempts.computeIfAbsent(day(p), d -> new long[2])[1] += p.ok());
        Map<Long, Double> percent = new HashMap<>();
        attempts.forEach((d, c) -> {
            if (c[0] > 0) {
                percent.put(d, Math.min(100.0, 100.0 * c[1] / c[0]));
            }
        });
        long tried = attempts.values().stream().mapToLong(c -> c[0]).sum();
        long booted = attempts.values().stream().mapToLong(c -> c[1]).sum();
        String summary = tried == 0 ? "No lifecycle run in this range."
                : booted + " of " + tried + " test servers reached ACTIVE (" + pct(100.0 * booted / tried) + ").";
        return new ChartSpec("boot-success", "Boot success per day (%)", summary, "percent", days.x(),
                List.of(ChartSpec.Series.line("Boot success", days.align(percent), Palette.BLUE.color, List.of())));
    }

    /** Time from the create request to ACTIVE, p50 and p95 per step, in seconds. */
    ChartSpec timeToActive(List<RollupHistory.Series> stepped) {
        Map<Long, Double> p50 = new HashMap<>();
        Map<Long, Double> p95 = new HashMap<>();
        RollupHistory.Point[] last = new RollupHistory.Point[1];
        forOperation(stepped, ACTIVE, p -> {
            if (p.p50() != null) {
                p50.put(p.start().getEpochSecond(), p.p50() / 1000.0);
                p95.put(p.start().getEpochSecond(), p.p95() / 1000.0);
                last[0] = p;
            }
        });
        String summary = last[0] == null ? "No server reached ACTIVE in this range."
                : "Latest step: p50 " + seconds(last[0].p50()) + ", p95 " + seconds(last[0].p95()) + " from create to ACTIVE.";
        return new ChartSpec("time-to-active", "Time to ACTIVE (s)", summary, "s", grid.x(), List.of(
                ChartSpec.Series.line("p50", grid.align(p50), Palette.BLUE.color, Palette.BLUE.dash),
                ChartSpec.Series.line("p95", grid.align(p95), Palette.VERMILLION.color, Palette.VERMILLION.dash)));
    }

    /** Boots over the whole range and time-to-ACTIVE percentiles, from the window statistics of the lifecycle probe. */
    static MemberPageView.LifecycleSummary lifecycleSummary(WindowStatistics.OperationStatistics create,
                                                            WindowStatistics.OperationStatistics active) {
        long tried = create == null ? 0 : create.counted();
        long booted = active == null ? 0 : active.ok();
        return new MemberPageView.LifecycleSummary(tried, booted,
                tried == 0 ? "—" : pct(Math.min(100.0, 100.0 * booted / tried)),
                active == null ? "—" : seconds(active.p50()), active == null ? "—" : seconds(active.p95()));
    }

    private ChartSpec.Series percentile(RollupHistory.Series s, String label,
                                        Function<RollupHistory.Point, Double> value, Palette style) {
        Map<Long, Double> byStep = new HashMap<>();
        for (RollupHistory.Point p : s.points()) {
            Double v = value.apply(p);
            if (v != null) {
                byStep.put(p.start().getEpochSecond(), v);
            }
        }
        return ChartSpec.Series.line(label, grid.align(byStep), style.color, style.dash);
    }

    private static Map<String, Map<Long, long[]>> availabilityCounts(List<RollupHistory.Series> daily) {
        Map<String, Map<Long, long[]>> byService = new java.util.LinkedHashMap<>();
        for (RollupHistory.Series s : daily) {
            if (!API.equals(s.probe())) {
                continue;
            }
            Map<Long, long[]> perDay = byService.computeIfAbsent(service(s.operation()), k -> new TreeMap<>());
            for (RollupHistory.Point p : s.points()) {
                long[] c = perDay.computeIfAbsent(day(p), d -> new long[2]);
                c[0] += p.ok();
                c[1] += p.counted();
            }
        }
        return byService;
    }

    private static void forOperation(List<RollupHistory.Series> series, String operation,
                                     java.util.function.Consumer<RollupHistory.Point> action) {
        series.stream().filter(s -> LIFECYCLE.equals(s.probe()) && operation.equals(s.operation()))
                .flatMap(s -> s.points().stream()).forEach(action);
    }

    private static RollupHistory.Point lastWithLatency(RollupHistory.Series s) {
        RollupHistory.Point last = null;
        for (RollupHistory.Point p : s.points()) {
            if (p.p50() != null) {
                last = p;
            }
        }
        return last;
    }

    private static long day(RollupHistory.Point p) {
        return Math.floorDiv(p.start().getEpochSecond(), 86_400L) * 86_400L;
    }

    /** {@code compute.flavors.list} → {@code compute}; the token issue is the identity service. */
    static String service(String operation) {
        int dot = operation.indexOf('.');
        return dot < 0 ? operation : operation.substring(0, dot);
    }

    private static Double percent(long[] okAndCounted) {
        return okAndCounted == null || okAndCounted[1] == 0 ? null : 100.0 * okAndCounted[0] / okAndCounted[1];
    }

    private static MemberPageView.Cell cell(long[] okAndCounted) {
        Double p = percent(okAndCounted);
        if (p == null) {
            return new MemberPageView.Cell("—", "none", 0);
        }
        String level = p >= 99.9 ? "good" : p >= 99.0 ? "fair" : "poor";
        return new MemberPageView.Cell(pct(p), level, okAndCounted[1]);
    }

    static String pct(double percent) {
        return String.format(Locale.ROOT, percent >= 99.0 && percent < 100.0 ? "%.2f %%" : "%.1f %%", percent);
    }

    static String ms(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.0f ms", value);
    }

    static String seconds(Double ms) {
        return ms == null ? "—" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
