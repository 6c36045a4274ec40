package org.stackratings.measurement;

import java.time.Instant;

/** What a probe observed for one operation, before it is stored as a {@link Measurement}. */
public record OperationResult(String operation, Instant startedAt, double durationMs, Outcome outcome,
                              Integer httpStatus, String errorClass, String detail) {

    private static final int MAX_DETAIL = 2000;

    public OperationResult {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
        if (errorClass != null && errorClass.length() > 255) {
            errorClass = errorClass.substring(0, 255);
        }
    }

    public static OperationResult ok(String operation, Instant startedAt, double durationMs, Integer httpStatus) {
        return new OperationResult(operation, startedAt, durationMs, Outcome.OK, httpStatus, null, null);
    }
}
