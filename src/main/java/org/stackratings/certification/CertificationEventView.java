package org.stackratings.certification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change of a certificate, as its history, the feed and webhooks show it.
 *
 * @param status the certificate's status after the change
 * @param runId  the run that made the change (for LAPSED, the passing run whose certificate lapsed)
 */
public record CertificationEventView(long id, String member, String guideline, String target,
                                     CertificationChange change, CertificationStatus status, UUID runId,
                                     Instant expiresAt, Instant lapsesAt, List<String> failing, Instant occurredAt) {

    static CertificationEventView of(CertificationEvent e, Certificate c, String member) {
        return new CertificationEventView(e.id, member, c.guideline, c.target, e.change, e.status, e.runId,
                e.expiresAt, e.lapsesAt, Certificate.lines(e.failing), e.occurredAt);
    }
}
