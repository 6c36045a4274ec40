package org.stackratings.certification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's certificate for one guideline and target, as read.
 *
 * @param valid       whether it counts as certified now: CERTIFIED or AT_RISK and before {@code lapsesAt}
 * @param issuedAt    when the current certificate was first issued (kept after it lapses); null while never certified
 * @param passedRunId the passing run the certificate stands on (its expiry is that run's end + validity)
 * @param failing     the failing capabilities of the latest failing run while AT_RISK or NOT_CERTIFIED
 */
public record CertificateView(long id, long memberId, String member, String guideline, String target,
                              CertificationStatus status, boolean valid, Instant issuedAt, UUID passedRunId,
                              Instant expiresAt, Instant lapsesAt, List<String> failing, UUID lastRunId,
                              Instant lastRunAt, RunVerdict lastRunVerdict, Instant updatedAt) {

    static CertificateView of(Certificate c, String member, Instant now) {
        boolean valid = c.status.counts() && c.lapsesAt != null && now.isBefore(c.lapsesAt);
        return new CertificateView(c.id, c.memberId, member, c.guideline, c.target, c.status, valid, c.issuedAt,
                c.passedRunId, c.expiresAt, c.lapsesAt, c.failingCapabilities(), c.lastRunId, c.lastRunAt,
                c.lastRunVerdict, c.updatedAt);
    }
}
