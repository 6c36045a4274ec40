package org.stackratings.certification.api;

import org.stackratings.certification.CertificateView;
import org.stackratings.certification.CertificationEventView;
import org.stackratings.certification.CertificationStatus;
import org.stackratings.certification.GuidelineId;
import org.stackratings.certification.RunVerdict;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's certificate for one guideline and target: status, timings, what failed, its history and links to the
 * evidence of the runs it stands on and to its signed statement.
 *
 * @param lapsesAt when it stops counting (expiry + grace) unless a passing run renews it
 * @param history  its changes, newest first
 */
public record CertificateDetail(String guideline, String target, CertificationStatus status, boolean valid,
                                String wording, Instant issuedAt, Instant expiresAt, Instant lapsesAt,
                                List<String> failing, LastRun lastRun, List<HistoryEntry> history, Links links) {

    /** The latest run seen, whatever it found. */
    public record LastRun(UUID runId, Instant finishedAt, RunVerdict verdict, String evidence) {
    }

    /** One change of the certificate. */
    public record HistoryEntry(String change, CertificationStatus status, UUID runId, Instant expiresAt,
                               Instant lapsesAt, List<String> failing, Instant occurredAt, String evidence) {
    }

    /**
     * @param evidence  the evidence of the passing run the certificate stands on (null while never certified)
     * @param statement the signed statement (null while never certified)
     */
    public record Links(String evidence, String statement, String badge) {
    }

    static CertificateDetail of(CertificateView c, List<CertificationEventView> history) {
        String base = CertificationResource.PATH + "/" + c.member();
        String query = "?guideline=" + c.guideline();
        boolean issued = c.passedRunId() != null;
        return new CertificateDetail(c.guideline(), c.target(), c.status(), c.valid(), wording(c), c.issuedAt(),
                c.expiresAt(), c.lapsesAt(), c.failing(),
                new LastRun(c.lastRunId(), c.lastRunAt(), c.lastRunVerdict(), evidence(c.member(), c.lastRunId())),
                history.stream().map(e -> new HistoryEntry(e.change().name(), e.status(), e.runId(), e.expiresAt(),
                        e.lapsesAt(), e.failing(), e.occurredAt(), evidence(c.member(), e.runId()))).toList(),
                new Links(issued ? evidence(c.member(), c.passedRunId()) : null,
                        issued ? base + "/statement" + query : null, base + "/badge.svg" + query));
    }

    static String wording(CertificateView c) {
        GuidelineId guideline = new GuidelineId(c.guideline());
        return c.valid() ? guideline.conformsWording()
                : "holds no valid certificate for interop guideline " + c.guideline() + " (checked by StackRatings)";
    }

    private static String evidence(String member, UUID runId) {
        return runId == null ? null : CertificationResource.PATH + "/" + member + "/runs/" + runId;
    }
}
