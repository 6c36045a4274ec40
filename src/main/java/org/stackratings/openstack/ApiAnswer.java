package org.stackratings.openstack;

/** What a cloud answered to an {@link ApiCall}: status, body (at most 64 KiB kept) and the time it took. */
public record ApiAnswer(String url, int status, String body, double durationMs) {
}
