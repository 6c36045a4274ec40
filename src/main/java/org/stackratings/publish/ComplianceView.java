package org.stackratings.publish;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member's latest compliance result against the interoperability guideline, per capability, with evidence. */
public record ComplianceView(String member, String guideline, String platform, Instant checkedAt, Summary summary,
                             List<CapabilityView> capabilities) {

    public record Summary(int required, long passed, long failed, long notChecked) {
    }

    /** {@code evidence}: the calls made, each with the status, what was expected and what was wrong. */
    public record CapabilityView(String capability, String status, JsonNode evidence, UUID runId, Instant checkedAt) {
    }
}
