package org.stackratings.compliance;

/** What one call of a check showed: the call, the answer's status, what was expected, and what was wrong (null if nothing). */
public record Evidence(String call, String url, Integer status, String expected, String problem, double durationMs) {
}
