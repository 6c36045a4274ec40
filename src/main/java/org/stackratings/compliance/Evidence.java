package org.stackratings.compliance;

/**
 * What one call of a check showed: the call, the answer's status, what was expected, what was wrong (null if nothing;
 * never text the cloud sent) and {@code excerpt}, a short sanitised excerpt of the answer's body when it was wrong
 * (member-private: not shown on public endpoints).
 */
public record Evidence(String call, String url, Integer status, String expected, String problem, String excerpt, double durationMs) {
}
