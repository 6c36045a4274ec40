package org.stackratings.measurement.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What one conformance run found: the guideline and target (platform or add-on) it checked, when it finished, and
 * each required capability's outcome in the guideline's order.
 */
public record ConformanceOutcome(UUID runId, long memberId, String guideline, String target, Instant finishedAt,
        List<CapabilityOutcome> capabilities) {

    public ConformanceOutcome {
        capabilities = List.copyOf(capabilities);
    }

    public long count(ConformanceStatus status) {
        return capabilities.stream().filter(c -> c.status() == status).count();
    }

    /** Whether every required capability passed or does not apply, and at least one passed. */
    public boolean passed() {
        return count(ConformanceStatus.PASS) > 0
                && count(ConformanceStatus.PASS) + count(ConformanceStatus.NOT_APPLICABLE) == capabilities.size();
    }

    /**
     * SHA-256 (hex) over the guideline, target and every capability's name, status, reason and evidence, each
     * length-prefixed: a certificate names it, so anyone holding the published evidence can check it is the same.
     */
    public String evidenceDigest() {
        StringBuilder text = new StringBuilder();
        append(text, guideline);
        append(text, target);
        for (CapabilityOutcome c : capabilities) {
            append(text, c.capability());
            append(text, c.status().name());
            append(text, c.reason() == null ? "" : c.reason());
            append(text, c.evidenceJson());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static void append(StringBuilder text, String part) {
        text.append(part.length()).append(':').append(part).append(';');
    }
}
