package org.stackratings.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.certification.Certifications;
import org.stackratings.measurement.CapabilityRecord;
import org.stackratings.measurement.ComplianceEvidence;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.measurement.conformance.ConformanceStore;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.measurement.RecentFailures;
import org.stackratings.measurement.RollupHistory;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatisticsQuery;
import org.stackratings.member.MemberService;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.RatingService;
import org.stackratings.rating.ScorePointView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a member page from what the agency already stores: the current rating and its last action, the hourly
 * score history, rating actions, hourly measurement rollups (never raw measurements, except the latest failures),
 * and the latest compliance results. All reads share one transaction.
 */
@ApplicationScoped
public class MemberDashboard {

    static final int FAILURE_LIMIT = 25;
    static final int ACTION_LIMIT = 500;
    private static final Duration DAY = Duration.ofDays(1);

    private final RatingService ratings;
    private final MemberService members;
    private final RollupHistory rollups;
    private final WindowStatisticsQuery statistics;
    private final RecentFailures failures;
    private final MeasurementQuery measurements;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConformanceStore conformanceRuns;
    private final Certifications certifications;

    public MemberDashboard(RatingService ratings, MemberService members, RollupHistory rollups,
                           WindowStatisticsQuery statistics, RecentFailures failures, MeasurementQuery measurements,
                           ObjectMapper json, Clock clock,
                           ConformanceStore conformanceRuns, Certifications certifications) {
        this.conformanceRuns = conformanceRuns;
        this.certifications = certifications;
        this.ratings = ratings;
        this.members = members;
        this.rollups = rollups;
        this.statistics = statistics;
        this.failures = failures;
        this.measurements = measurements;
        this.json = json;
        this.clock = clock;
    }

    /** The page of a member over a range ending now; empty for an unknown member. */
    @Transactional
    public Optional<MemberPageView> view(String slug, Range range, MemberPageView.Viewer viewer) {
        Optional<CurrentRating> found = ratings.find(slug);
        Optional<Long> id = members.memberId(slug);
        if (found.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        CurrentRating rating = found.get();
        long memberId = id.get();
        Instant now = clock.instant();
        Instant start = range.start(now);
        Instant firstDay = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), DAY.toSeconds()) * DAY.toSeconds());
        TimeGrid grid = TimeGrid.of(start, now, range.step());
        TimeGrid days = TimeGrid.of(firstDay, now, DAY);

        List<ScorePointView> scores = ratings.scores(slug, start, now, range.step()).orElse(List.of());
        List<ActionView> actions = ratings.actions(slug, 0, ACTION_LIMIT).orElse(List.of()).stream()
                .filter(a -> !a.effectiveAt().isBefore(start)).toList();
        List<RollupHistory.Series> stepped = rollups.series(memberId, start, now, range.step(), true);
        List<RollupHistory.Series> daily = range.step().equals(DAY) && start.equals(firstDay) ? stepped
                : rollups.series(memberId, firstDay, now, DAY, false);
        WindowStatistics lifecycle = statistics.forWindow(memberId, MeasurementCharts.LIFECYCLE, start, now);

        RatingCharts ratingCharts = new RatingCharts(grid);
        MeasurementCharts measurementCharts = new MeasurementCharts(grid, days);
        List<ChartSpec> rated = List.of(ratingCharts.timeline(scores, actions, rating), ratingCharts.factors(scores, rating));
        List<ChartSpec> latency = measurementCharts.latency(stepped);
        List<ChartSpec> availability = List.of(measurementCharts.availabilityChart(daily));
        List<ChartSpec> lifecycleCharts = List.of(measurementCharts.bootSuccess(daily), measurementCharts.timeToActive(stepped));
        List<String> services = measurementCharts.services(daily);

        List<ChartSpec> all = new ArrayList<>(rated);
        all.addAll(latency);
        all.addAll(availability);
        all.addAll(lifecycleCharts);
        return Optional.of(new MemberPageView(viewer, rating, range, Arrays.asList(Range.values()), start, now,
                rated, latency, availability, lifecycleCharts, chartsJson(all),
                services, measurementCharts.availabilityTable(daily, services),
                MeasurementCharts.lifecycleSummary(lifecycle.operations().get(MeasurementCharts.CREATE),
                        lifecycle.operations().get(MeasurementCharts.ACTIVE)),
                compliance(memberId), failures.latest(memberId, slug, start, now, FAILURE_LIMIT), FAILURE_LIMIT,
                actions, LocalDate.ofInstant(start, ZoneOffset.UTC).toString(), LocalDate.ofInstant(now, ZoneOffset.UTC).toString(),
                conformance(memberId, slug)));
    }

    private MemberPageView.Conformance conformance(long memberId, String slug) {
        List<MemberPageView.CertificateRow> certificates = certifications.ofMember(slug).orElse(List.of()).stream()
                .map(c -> new MemberPageView.CertificateRow(c.guideline(), c.status().name(), c.valid(), c.expiresAt(),
                        c.lapsesAt(), c.failing())).toList();
        return conformanceRuns.latest(memberId).map(o -> new MemberPageView.Conformance(o.runId().toString(),
                        o.finishedAt(), o.target(), o.count(ConformanceStatus.PASS), o.count(ConformanceStatus.FAIL),
                        o.count(ConformanceStatus.NOT_APPLICABLE), o.count(ConformanceStatus.NOT_CHECKED),
                        o.capabilities().stream().map(c -> new MemberPageView.ConformanceRow(c.capability(),
                                c.status().name(), c.reason(), ComplianceEvidence.parse(c.evidenceJson()).stream()
                                .map(MemberPageView.EvidenceCall::of).toList())).toList(), certificates))
                .orElse(new MemberPageView.Conformance(null, null, null, 0, 0, 0, 0, List.of(), certificates));
    }

    private List<MemberPageView.ComplianceRow> compliance(long memberId) {
        List<MemberPageView.ComplianceRow> rows = new ArrayList<>();
        for (CapabilityRecord r : measurements.compliance(memberId)) {
            rows.add(new MemberPageView.ComplianceRow(r.capability(), r.status(), r.checkedAt(),
                    r.evidence().stream().map(MemberPageView.EvidenceCall::of).toList()));
        }
        return rows;
    }

    /** The charts for the browser, with {@code <} escaped so that no value can close the script element. */
    private String chartsJson(List<ChartSpec> charts) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> notches = new ArrayList<>();
        notches.add("");
        for (Notch n : Notch.values()) {
            if (n.isRated()) {
                notches.add(n.symbol());
            }
        }
        data.put("notches", notches);
        data.put("charts", charts);
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the charts", e);
        }
    }
}
