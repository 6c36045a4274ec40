package org.stackratings.openstack;

import java.util.Map;

/**
 * What a cloud answered to an {@link ApiCall}: status, body (read up to the body limit, at most 64 KiB kept), a
 * sanitised {@link BodyExcerpt} of it for evidence, the time it took and the response headers (names in lower case;
 * never {@code X-Subject-Token} nor {@code Set-Cookie}).
 */
public record ApiAnswer(String url, int status, String body, String excerpt, double durationMs,
        Map<String, String> headers) {

    public ApiAnswer {
        headers = Map.copyOf(headers);
    }

    public ApiAnswer(String url, int status, String body, String excerpt, double durationMs) {
        this(url, status, body, excerpt, durationMs, Map.of());
    }

    /** A header's value (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
