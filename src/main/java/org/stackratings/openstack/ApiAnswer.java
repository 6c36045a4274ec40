package org.stackratings.openstack;

/**
 * What a cloud answered to an {@link ApiCall}: status, body (read up to the body limit, at most 64 KiB kept), a
 * sanitised {@link BodyExcerpt} of it for evidence, and the time it took.
 */
public record ApiAnswer(String url, int status, String body, String excerpt, double durationMs) {
}
