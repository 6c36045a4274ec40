package org.stackratings.publish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's latest conformance run with the whole evidence, for its provider and admins: the full URL of each call
 * and an excerpt of what the cloud answered where it was wrong. {@link ConformanceView} is the public one.
 */
public record MemberConformanceView(String member, String guideline, String target, UUID runId, Instant finishedAt,
                                    String evidenceDigest, ConformanceView.Summary summary,
                                    List<CapabilityEvidence> capabilities) {

    /** One capability with every call as it was made. */
    public record CapabilityEvidence(String capability, String status, String reason,
                                     List<MemberComplianceView.EvidenceView> evidence) {
    }
}
