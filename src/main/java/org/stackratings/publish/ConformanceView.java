package org.stackratings.publish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's latest conformance run as the public sees it: per required capability of its target, PASS, FAIL,
 * NOT_APPLICABLE or NOT_CHECKED, why, and the calls that showed it (what the agency called and found, never what the
 * cloud sent, URL paths only). {@link MemberConformanceView} is the member's own view. All fields but {@code member}
 * are null (and the lists empty) before the first run.
 */
public record ConformanceView(String member, String guideline, String target, UUID runId, Instant finishedAt,
                              @Schema(description = "SHA-256 over the run's outcome; a certificate names it")
                              String evidenceDigest, Summary summary, List<CapabilityView> capabilities) {

    public record Summary(int required, long passed, long failed, long notApplicable, long notChecked) {
    }

    /** One capability: its status, why (FAIL, NOT_APPLICABLE, NOT_CHECKED) and the calls made. */
    public record CapabilityView(String capability, String status, String reason,
                                 List<ComplianceView.CallView> evidence) {
    }
}
