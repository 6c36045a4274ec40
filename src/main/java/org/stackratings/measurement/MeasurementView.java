package org.stackratings.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A measurement as the API publishes it (PRODUCT.md section 2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"member", "vantage", "probe", "runId", "operation", "startedAt",
        "durationMs", "outcome", "httpStatus", "errorClass", "detail"})
public record MeasurementView(String member, String vantage, String probe, UUID runId, String operation,
                              Instant startedAt, double durationMs, Outcome outcome, Integer httpStatus,
                              String errorClass, String detail) {

    public static MeasurementView of(String member, Measurement m) {
        return new MeasurementView(member, m.vantage, m.probe, m.runId, m.operation, m.startedAt,
                Math.round(m.durationMs * 1000.0) / 1000.0, m.outcome, m.httpStatus, m.errorClass, m.detail);
    }
}
