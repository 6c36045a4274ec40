package org.stackratings.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatisticsQuery;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agency's own performance statistics (PRODUCT.md section 4, RATING.md 5.11): rating transitions over a period,
 * and what members of each rating band showed in the period that followed, like a credit agency's default study.
 */
@ApplicationScoped
@Transactional
public class RatingStatistics {

    /** Letter categories of the transition matrix: the notches grouped as credit agencies publish them. */
    static final List<String> CATEGORIES = List.of("Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa-C", "NR", "WR");

    /**
     * Rows: category at {@code from}; columns: category at {@code to}; cells: member counts. {@code methodologyVersions}:
     * the versions of the methodology that made the ratings counted.
     */
    public record TransitionMatrix(Instant from, Instant to, List<String> categories, Map<String, Map<String, Long>> counts,
                                   long members, List<String> methodologyVersions) {
    }

    /** What the members of one band at {@code from} showed until {@code to}. */
    public record BandPerformance(String band, long members, Double meanApiAvailability, long impaired, Double impairedShare) {
    }

    /**
     * {@code methodologyVersions}: the versions that made the ratings at {@code from}; {@code methodologyVersion}: the
     * version in force, whose availability cap is the impairment threshold.
     */
    public record Performance(Instant from, Instant to, double impairmentThreshold, List<BandPerformance> bands,
                              List<String> methodologyVersions, String methodologyVersion) {
    }

    private final MemberService members;
    private final WindowStatisticsQuery statistics;
    private final MethodologyConfig methodology;

    public RatingStatistics(MemberService members, WindowStatisticsQuery statistics, MethodologyConfig methodology) {
        this.members = members;
        this.statistics = statistics;
        this.methodology = methodology;
    }

    public TransitionMatrix transitions(Instant from, Instant to) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String row : CATEGORIES) {
            Map<String, Long> columns = new LinkedHashMap<>();
            CATEGORIES.forEach(c -> columns.put(c, 0L));
            counts.put(row, columns);
        }
        long total = 0;
        java.util.Set<String> versions = new java.util.TreeSet<>();
        for (MemberStatusView member : members.allStatuses()) {
            java.util.Optional<RatingAction> atStart = actionAt(member.id(), from);
            java.util.Optional<RatingAction> atEnd = actionAt(member.id(), to);
            atStart.ifPresent(a -> versions.add(a.methodologyVersion));
            atEnd.ifPresent(a -> versions.add(a.methodologyVersion));
            counts.get(category(notch(atStart))).merge(category(notch(atEnd)), 1L, Long::sum);
            total++;
        }
        return new TransitionMatrix(from, to, CATEGORIES, counts, total, List.copyOf(versions));
    }

    public Performance performance(Instant from, Instant to) {
        double threshold = methodology.caps().availabilityBelow();
        Map<String, List<Double>> availabilityByBand = new LinkedHashMap<>();
        CATEGORIES.stream().filter(c -> !c.equals("NR") && !c.equals("WR")).forEach(c -> availabilityByBand.put(c, new ArrayList<>()));
        java.util.Set<String> versions = new java.util.TreeSet<>();
        for (MemberStatusView member : members.allStatuses()) {
            java.util.Optional<RatingAction> atStart = actionAt(member.id(), from);
            Notch start = notch(atStart);
            if (!start.isRated()) {
                continue;
            }
            versions.add(atStart.get().methodologyVersion);
            apiAvailability(statistics.forWindow(member.id(), "api", from, to))
                    .ifPresent(a -> availabilityByBand.get(category(start)).add(a));
        }
        List<BandPerformance> bands = new ArrayList<>();
        availabilityByBand.forEach((band, values) -> {
            long impaired = values.stream().filter(v -> v < threshold).count();
            bands.add(new BandPerformance(band, values.size(),
                    values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()),
                    impaired, values.isEmpty() ? null : round(100.0 * impaired / values.size())));
        });
        return new Performance(from, to, threshold, bands, List.copyOf(versions), methodology.version());
    }

    /** The last action at or before an instant: it holds the published notch then (NR before any). */
    private static java.util.Optional<RatingAction> actionAt(long memberId, Instant at) {
        return RatingAction.<RatingAction>find("memberId = ?1 and effectiveAt <= ?2 order by id desc", memberId, at)
                .firstResultOptional();
    }

    private static Notch notch(java.util.Optional<RatingAction> action) {
        return action.flatMap(a -> Notch.fromSymbol(a.notch)).orElse(Notch.NR);
    }

    static String category(Notch notch) {
        if (notch == Notch.NR || notch == Notch.WR) {
            return notch.symbol();
        }
        if (notch.ordinal() >= Notch.CAA1.ordinal()) {
            return "Caa-C";
        }
        return notch.symbol().replaceAll("\\d$", "");
    }

    /** Success share of api calls in percent (INCONCLUSIVE excluded), or empty without measurements. */
    private static java.util.Optional<Double> apiAvailability(WindowStatistics stats) {
        long ok = 0;
        long counted = 0;
        for (WindowStatistics.OperationStatistics op : stats.operations().values()) {
            ok += op.ok();
            counted += op.counted();
        }
        return counted == 0 ? java.util.Optional.empty() : java.util.Optional.of(100.0 * ok / counted);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
