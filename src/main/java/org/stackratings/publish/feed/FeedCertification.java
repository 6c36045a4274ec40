package org.stackratings.publish.feed;

import org.stackratings.certification.CertificationChange;
import org.stackratings.certification.CertificationEventView;
import org.stackratings.certification.CertificationStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change of a member's certificate as the feed and webhooks publish it (docs/certification.md): its feed position
 * ({@code sequence}), what changed, the certificate after the change, and where to read on.
 *
 * @param type    the change's event type, {@code org.stackratings.certification.issued} … {@code .lapsed}
 * @param failing the failing capabilities (AT_RISK)
 * @param runId   the conformance run that made the change (for LAPSED, the passing run whose certificate lapsed)
 */
public record FeedCertification(long sequence, long eventId, String type, String member, String guideline,
                                String target, CertificationChange change, CertificationStatus status, UUID runId,
                                Instant expiresAt, Instant lapsesAt, List<String> failing, Instant occurredAt,
                                Instant publishedAt, Links links) implements FeedItem {

    public record Links(String certification, String statement, String evidence) {
    }

    static FeedCertification of(FeedEntry entry, CertificationEventView event) {
        String base = "/api/v1/certifications/" + event.member();
        return new FeedCertification(entry.position, event.id(), event.change().eventType(), event.member(),
                event.guideline(), event.target(), event.change(), event.status(), event.runId(), event.expiresAt(),
                event.lapsesAt(), event.failing(), event.occurredAt(), entry.sequencedAt,
                new Links(base, base + "/statement?guideline=" + event.guideline(),
                        event.runId() == null ? null : base + "/runs/" + event.runId()));
    }
}
