package org.stackratings.certification.api;

import org.stackratings.certification.CertificateView;
import org.stackratings.certification.CertificationStatus;
import org.stackratings.certification.RunVerdict;

import java.time.Instant;
import java.util.List;

/**
 * One certificate in the list: where the member stands for a guideline and target, until when, and where to read on.
 *
 * @param valid    counts as certified now (CERTIFIED or AT_RISK, before {@code lapsesAt})
 * @param wording  what the agency says of it
 * @param failing  the failing capabilities of the latest failing run while AT_RISK or NOT_CERTIFIED
 */
public record CertificationSummary(String member, String guideline, String target, CertificationStatus status,
                                   boolean valid, String wording, Instant issuedAt, Instant expiresAt,
                                   Instant lapsesAt, List<String> failing, Instant lastRunAt, RunVerdict lastRunVerdict,
                                   String href) {

    static CertificationSummary of(CertificateView c) {
        return new CertificationSummary(c.member(), c.guideline(), c.target(), c.status(), c.valid(),
                CertificateDetail.wording(c), c.issuedAt(), c.expiresAt(), c.lapsesAt(), c.failing(), c.lastRunAt(),
                c.lastRunVerdict(), CertificationResource.PATH + "/" + c.member());
    }
}
