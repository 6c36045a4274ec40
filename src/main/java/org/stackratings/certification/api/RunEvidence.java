package org.stackratings.certification.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The evidence of one conformance run a certificate or its history names: each capability's status, why, and the
 * calls made (paths without secrets), with the digest the certificate's statement carries.
 */
public record RunEvidence(String member, UUID runId, String guideline, String target, Instant finishedAt,
                          String evidenceDigest, List<Capability> capabilities) {

    public record Capability(String capability, ConformanceStatus status, String reason, JsonNode evidence) {
    }

    static RunEvidence of(String member, ConformanceOutcome run, ObjectMapper json) {
        return new RunEvidence(member, run.runId(), run.guideline(), run.target(), run.finishedAt(),
                run.evidenceDigest(), run.capabilities().stream().map(c -> new Capability(c.capability(), c.status(),
                        c.reason(), tree(json, c.evidenceJson()))).toList());
    }

    private static JsonNode tree(ObjectMapper json, String evidence) {
        try {
            return json.readTree(evidence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("stored conformance evidence is not JSON", e);
        }
    }
}
