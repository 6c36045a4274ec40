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
     * Whether the session and CSRF cookies carry {@code Secure} (sent over HTTPS only) and so the {@code __Host-}
     * prefix. On in every profile: browsers accept Secure cookies from http://localhost and http://127.0.0.1 too.
     * Off only for plain HTTP on another address (the cookies are then named without the prefix).
     */
    @WithDefault("true")
    boolean secureCookie();
}
