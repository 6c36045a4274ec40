package org.stackratings.certification;

import java.util.List;

/**
 * Fired inside the transaction that changed a member's certificate, with the changes in order; observers that need
 * them committed observe after success. (The feed does not need it: it reads committed certification events.)
 */
public record CertificationChanged(long memberId, String guideline, List<CertificationChange> changes) {
}
