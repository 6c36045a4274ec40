package org.stackratings.dashboard;

import org.stackratings.measurement.ComplianceEvidence;
import org.stackratings.measurement.MeasurementView;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.CurrentRating;

import java.time.Instant;
import java.util.List;

/**
 * Everything a member page shows, computed on the server (the template only lays it out, the browser only draws
 * {@link #chartsJson}).
 */
public record MemberPageView(Viewer viewer, CurrentRating rating, Range range, List<Range> ranges, Instant from, Instant to,
                             List<ChartSpec> ratingCharts, List<ChartSpec> latencyCharts, List<ChartSpec> availabilityCharts,
                             List<ChartSpec> lifecycleCharts, String chartsJson,
                             List<String> services, List<AvailabilityDay> availability, LifecycleSummary lifecycle,
                             List<ComplianceRow> compliance, List<MeasurementView> failures, int failureLimit,
                             List<ActionView> actions, String csvFrom, String csvTo, Conformance conformance) {

    /**
     * The member's latest conformance run and its certificates: per capability its result and evidence; the
     * certificates with their status and until when they hold. {@code run} is null before the first run.
     */
    public record Conformance(String run, Instant finishedAt, String target, long passed, long failed,
                              long notApplicable, long notChecked, List<ConformanceRow> capabilities,
                              List<CertificateRow> certificates) {
    }

    /** One capability of the conformance run: its result, why, and the calls that show it. */
    public record ConformanceRow(String capability, String status, String reason, List<EvidenceCall> evidence) {
        public boolean passed() {
            return "PASS".equals(status);
        }
    }

    /** A certificate: guideline, status, whether it counts now, until when, and what fails. */
    public record CertificateRow(String guideline, String status, boolean valid, Instant expiresAt, Instant lapsesAt,
                                 List<String> failing) {
    }

    public long compliancePassed() {
        return compliance.stream().filter(ComplianceRow::passed).count();
    }

    public long complianceFailed() {
        return compliance.stream().filter(c -> "FAIL".equals(c.status())).count();
    }

    public long complianceNotChecked() {
        return compliance.size() - compliancePassed() - complianceFailed();
    }

    /** Who is looking: the key's role and, for a provider, its member. */
    public record Viewer(String name, String role, String member) {
        public boolean admin() {
            return "admin".equals(role);
        }
    }

    /** One UTC day of the availability table: one cell per service. */
    public record AvailabilityDay(String day, List<Cell> cells) {
    }

    /**
     * A share of OK calls, as text ({@code 99.95 %}, or {@code —} without calls) and a level for the colour, which
     * only repeats the text: {@code good} ≥ 99.9 %, {@code fair} ≥ 99 %, {@code poor} below, {@code none}.
     */
    public record Cell(String text, String level, long calls) {
    }

    /** The lifecycle probe over the range: boots attempted and reached ACTIVE, and time-to-ACTIVE percentiles. */
    public record LifecycleSummary(long attempts, long active, String successText, String p50Text, String p95Text) {
    }

    /** The latest result of one capability of the interoperability guideline, with the calls that show it. */
    public record ComplianceRow(String capability, String status, Instant checkedAt, List<EvidenceCall> evidence) {
        public boolean passed() {
            return "PASS".equals(status);
        }
    }

    /**
     * One call made by a compliance check: what was called, the answer's status, what was expected, what was wrong,
     * and an excerpt of what the cloud answered when it was wrong (member-private, like the whole page).
     */
    public record EvidenceCall(String call, String url, Integer status, String expected, String problem, String excerpt,
                               Double durationMs) {

        static EvidenceCall of(ComplianceEvidence e) {
            return new EvidenceCall(e.call(), e.url(), e.status(), e.expected(), e.problem(), e.excerpt(), e.durationMs());
        }
    }
}
