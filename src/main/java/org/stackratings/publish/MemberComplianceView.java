package org.stackratings.publish;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stackratings.measurement.ComplianceEvidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's latest compliance result with the whole evidence, for the member's provider and admins: the full URL
 * of each call and an excerpt of what the cloud answered when it was wrong. {@link ComplianceView} is the public one.
 */
public record MemberComplianceView(String member, String guideline, String platform, Instant checkedAt,
                                   ComplianceView.Summary summary, List<CapabilityEvidence> capabilities) {

    /** {@code evidence}: every call made, with the cloud's answer where it was wrong. */
    public record CapabilityEvidence(String capability, String status, List<EvidenceView> evidence, UUID runId,
                                     Instant checkedAt) {
    }

    /** One call of a check as it was made. */
    public record EvidenceView(
            @Schema(description = "The call: method, service and path", example = "GET compute /servers?limit=-1") String call,
            @Schema(example = "GET") String method,
            @Schema(example = "compute") String service,
            @Schema(example = "/servers?limit=-1") String path,
            @Schema(description = "The URL called; null when no request was sent", example = "https://nova.cumulus.example:8774/v2.1/servers?limit=-1") String url,
            @Schema(example = "200") Integer status,
            @Schema(example = "HTTP 400") String expected,
            @Schema(description = "What was wrong, in the agency's words", example = "answered HTTP 200") String problem,
            @Schema(description = "A short sanitised excerpt of what the cloud answered, when it was wrong (token redacted)",
                    example = "{\"servers\":[]}") String excerpt,
            Double durationMs) {

        static EvidenceView of(ComplianceEvidence e) {
            CallParts parts = CallParts.of(e.call());
            return new EvidenceView(e.call(), parts.method(), parts.service(), parts.path(), e.url(), e.status(),
                    e.expected(), e.problem(), e.excerpt(), e.durationMs());
        }
    }
}
