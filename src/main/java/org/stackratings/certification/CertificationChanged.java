package org.stackratings.certification;

import java.util.List;

/**
 * Fired inside the transaction that changed a member's certificate (or recorded a run on it); observers that need
 * it committed (the in-memory view) observe after success.
 */
public record CertificationChanged(long memberId, String guideline, List<CertificationChange> changes) {
}
