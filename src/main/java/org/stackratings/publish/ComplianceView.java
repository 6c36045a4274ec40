package org.stackratings.publish;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stackratings.measurement.ComplianceEvidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's latest compliance result against the interoperability guideline, per capability, with the calls that
 * show it, as the public sees it: what the agency called and what it found, never what the cloud sent (no excerpt of
 * its answer) and never where the member's endpoints are (the URL's path only). {@link MemberComplianceView} is the
 * member's own view.
 */
public record ComplianceView(String member, String guideline, String platform, Instant checkedAt, Summary summary,
                             List<CapabilityView> capabilities) {

    public record Summary(int required, long passed, long failed, long notChecked) {
    }

    /** {@code evidence}: the calls made, each with the status, what was expected and what was wrong. */
    public record CapabilityView(String capability, String status, List<CallView> evidence, UUID runId, Instant checkedAt) {
    }

    /** One call of a check; identifiers in paths are shown as {@code {id}}. */
    public record CallView(
            @Schema(description = "The call: method, service and path", example = "GET compute /servers?limit=-1") String call,
            @Schema(example = "GET") String method,
            @Schema(description = "The service whose catalog endpoint was called", example = "compute") String service,
            @Schema(description = "Path relative to the service's endpoint; (root): its unversioned root", example = "/servers?limit=-1") String path,
            @Schema(description = "Path of the URL called (no scheme, host, port or query)", example = "/cumulus/compute/v2.1/servers") String urlPath,
            @Schema(description = "The answer's HTTP status; null when there was none", example = "200") Integer status,
            @Schema(example = "HTTP 400") String expected,
            @Schema(description = "What was wrong, in the agency's words; null when the call was as expected",
                    example = "answered HTTP 200") String problem,
            Double durationMs) {

        static CallView of(ComplianceEvidence e) {
            CallParts parts = CallParts.of(e.call());
            return new CallView(EvidencePaths.withoutIds(e.call()), parts.method(), parts.service(),
                    EvidencePaths.withoutIds(parts.path()), EvidencePaths.urlPath(e.url()), e.status(), e.expected(),
                    e.problem(), e.durationMs());
        }
    }
}
