package org.stackratings.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Login sessions of the dashboard (docs/dashboard.md, "Login and sessions"). */
@ConfigMapping(prefix = "stackratings.dashboard")
public interface DashboardConfig {

    /** A session ends when the browser sent no request for this long. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** A session ends this long after login, however active (and never after its API key expires). */
    @WithDefault("PT12H")
    Duration sessionMaxAge();

    /**
     * Whether the session cookie carries {@code Secure} (sent over HTTPS only). Keep it on in production, where the
     * dashboard is served over HTTPS (a TLS-terminating proxy counts); dev and test serve plain HTTP.
     */
    @WithDefault("true")
    boolean secureCookie();
}
