package org.stackratings.sandbox;

import io.quarkus.runtime.LaunchMode;

/**
 * Whether the in-process sandbox starts. Its control API has no authentication, so {@code enabled} starts it in dev and
 * test mode only; in the production launch mode it takes {@code allow-in-production} as well, and without it the
 * start of the application fails ({@link #decide}).
 */
enum SandboxStart {
    /** Not enabled. */
    OFF,
    /** Enabled, in dev or test mode. */
    START,
    /** Enabled in the production launch mode with the explicit override: start, with a loud warning. */
    START_IN_PRODUCTION;

    static final String REFUSAL = "stackratings.sandbox.enabled=true in the production launch mode: the sandbox is an "
            + "OpenStack simulator for dev mode and tests, and its control API (/_sandbox on its port) has no "
            + "authentication. Remove stackratings.sandbox.enabled, or set "
            + "stackratings.sandbox.allow-in-production=true to start it anyway.";

    /** The decision; throws {@link IllegalStateException} when the sandbox is enabled in production without override. */
    static SandboxStart decide(boolean enabled, boolean allowInProduction, LaunchMode mode) {
        if (!enabled) {
            return OFF;
        }
        if (mode != LaunchMode.NORMAL) {
            return START;
        }
        if (allowInProduction) {
            return START_IN_PRODUCTION;
        }
        throw new IllegalStateException(REFUSAL);
    }

    /** The warning logged when it starts in production. */
    static String productionWarning(SandboxServer server) {
        return "The OpenStack sandbox runs in the production launch mode (stackratings.sandbox.allow-in-production=true)"
                + " on port " + server.port() + " (" + server.baseUrl() + "). Its control API " + server.baseUrl()
                + "/_sandbox is UNAUTHENTICATED: anyone who reaches that port can add, change and remove its"
                + " simulated clouds, which are registered as members of this agency.";
    }
}
