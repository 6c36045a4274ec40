package org.stackratings.measurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The latest result of one capability for one member; {@code evidenceJson} is a JSON list of the calls made. */
public record CapabilityRecord(String capability, String guideline, String status, String evidenceJson, UUID runId,
                               Instant checkedAt) {

    /** The calls made, read from {@code evidenceJson}. */
    public List<ComplianceEvidence> evidence() {
        return ComplianceEvidence.parse(evidenceJson);
    }
}
