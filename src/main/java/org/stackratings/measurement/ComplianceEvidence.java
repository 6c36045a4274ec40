package org.stackratings.measurement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * One call of a compliance check as stored with the result ({@code compliance_result.evidence}, a JSON list): the
 * call ({@code GET compute /flavors}), the URL called, the answer's status, what was expected, what was wrong (the
 * agency's words, null when nothing was), {@code excerpt}, a short sanitised excerpt of what the cloud answered when
 * it was wrong, and the call's duration. The URL and the excerpt are member-private: public views leave them out.
 */
public record ComplianceEvidence(String call, String url, Integer status, String expected, String problem,
                                 String excerpt, Double durationMs) {

    private static final ObjectReader READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
            .readerForListOf(ComplianceEvidence.class);

    /** The calls of stored evidence (a JSON list); an empty list for no evidence. */
    public static List<ComplianceEvidence> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored compliance evidence is not a JSON list of calls", e);
        }
    }
}
