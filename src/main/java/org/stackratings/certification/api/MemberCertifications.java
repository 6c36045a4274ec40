package org.stackratings.certification.api;

import java.util.List;

/**
 * Where a member stands: its certificates (one per guideline and target for which a conformance run was seen).
 *
 * @param certified whether it holds at least one valid certificate now
 */
public record MemberCertifications(String member, boolean certified, List<CertificateDetail> certificates) {
}
