package org.stackratings.measurement;

import java.util.UUID;

/** Fired when a compliance run's results are stored; observers that need them committed observe after success. */
public record ComplianceStored(long memberId, UUID runId) {
}
