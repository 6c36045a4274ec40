package org.stackratings.measurement.conformance;

import java.util.UUID;

/** Fired when a conformance run's results are stored; observers that need them committed observe after success. */
public record ConformanceStored(long memberId, UUID runId, String guideline) {
}
