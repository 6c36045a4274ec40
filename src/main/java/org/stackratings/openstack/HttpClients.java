package org.stackratings.openstack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK HTTP clients of the agency's own calls (application-credential tokens, compliance checks), one per connect
 * timeout. A JDK client owns a selector thread and a connection pool, so sessions share them instead of making their own.
 */
final class HttpClients {

    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private HttpClients() {
    }

    static HttpClient forConnectTimeout(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build());
    }
}
