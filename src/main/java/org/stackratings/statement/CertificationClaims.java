package org.stackratings.statement;

import java.time.Instant;
import java.util.List;

/**
 * What a certification statement says (docs/certification.md): the member's certificate for one guideline and target,
 * as plain values, so that this package knows nothing of certificates.
 *
 * @param platform     the guideline's platform the target belongs to
 * @param target       what was checked: the guideline's platform or add-on, as the guideline names it
 * @param capabilities the required capabilities the passing run passed
 * @param evidence     the evidence digest of that run (SHA-256, hex)
 * @param issuedAt     when the passing run ended (the statement's {@code iat})
 * @param expiresAt    the certificate's expiry (the statement's {@code exp})
 * @param status       the certificate's status (CERTIFIED, AT_RISK, LAPSED)
 * @param failing      the failing capabilities of the latest run while AT_RISK; else empty
 */
public record CertificationClaims(String member, String guideline, String platform, String target,
                                  List<String> capabilities, String evidence, Instant issuedAt, Instant expiresAt,
                                  String status, List<String> failing) {

    public CertificationClaims {
        capabilities = List.copyOf(capabilities);
        failing = List.copyOf(failing);
    }
}
