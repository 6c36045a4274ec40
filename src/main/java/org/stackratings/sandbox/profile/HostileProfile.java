package org.stackratings.sandbox.profile;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code hostile} section of a cloud profile: a cloud that attacks its client on purpose (docs/sandbox.md,
 * "Hostile clouds"). {@code target} defaults to the mode's {@link HostileMode#defaultTarget()}; {@code redirectTo} is
 * required by {@code redirect} and {@code foreign-endpoints}, {@code endpointHost} by {@code dns-name};
 * {@code trickleInterval} (default 2 s) is used by {@code trickle-body}.
 *
 * <p>In code: {@code HostileProfile.of(HostileMode.ENDLESS_BODY)}, {@code HostileProfile.redirect(uri)},
 * {@code HostileProfile.foreignEndpoints(uri)}, {@code HostileProfile.dnsName(host)},
 * {@code HostileProfile.trickle(interval)}, each with {@link #withTarget(HostileTarget)}; then
 * {@link CloudProfile#withHostile(HostileProfile)}.
 */
public record HostileProfile(HostileMode mode, HostileTarget target, URI redirectTo, String endpointHost,
        Duration trickleInterval) {

    public static final Duration DEFAULT_TRICKLE_INTERVAL = Duration.ofSeconds(2);
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public HostileProfile {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required (one of " + HostileMode.ids() + ")");
        }
        target = target == null ? mode.defaultTarget() : target;
        if (mode.keystoneOnly() && target != HostileTarget.KEYSTONE) {
            throw new IllegalArgumentException("mode " + mode.id() + " is about Keystone's answers; its target can "
                    + "only be keystone");
        }
        if ((mode == HostileMode.REDIRECT || mode == HostileMode.FOREIGN_ENDPOINTS) && redirectTo == null) {
            throw new IllegalArgumentException("mode " + mode.id() + " needs redirectTo");
        }
        if (redirectTo != null && !isHttpUrl(redirectTo)) {
            throw new IllegalArgumentException("redirectTo '" + redirectTo + "' is not an absolute http(s) URL");
        }
        if (mode == HostileMode.DNS_NAME && endpointHost == null) {
            throw new IllegalArgumentException("mode dns-name needs endpointHost");
        }
        if (endpointHost != null && !HOST_NAME.matcher(endpointHost).matches()) {
            throw new IllegalArgumentException("endpointHost '" + endpointHost + "' is not a host name");
        }
        trickleInterval = trickleInterval == null ? DEFAULT_TRICKLE_INTERVAL : trickleInterval;
        if (trickleInterval.toMillis() < 1) {
            throw new IllegalArgumentException("trickleInterval must be at least 1 ms");
        }
    }

    private static boolean isHttpUrl(URI uri) {
        return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null;
    }

    /** A mode with its defaults (not for {@code redirect}, {@code foreign-endpoints} and {@code dns-name}). */
    public static HostileProfile of(HostileMode mode) {
        return new HostileProfile(mode, null, null, null, null);
    }

    /** {@code redirect} of Keystone's answers to {@code to}. */
    public static HostileProfile redirect(URI to) {
        return new HostileProfile(HostileMode.REDIRECT, null, to, null, null);
    }

    /** {@code foreign-endpoints}: the catalog points compute, image, network and volume at {@code canary}. */
    public static HostileProfile foreignEndpoints(URI canary) {
        return new HostileProfile(HostileMode.FOREIGN_ENDPOINTS, null, canary, null, null);
    }

    /** {@code dns-name}: every catalog endpoint names {@code host}. */
    public static HostileProfile dnsName(String host) {
        return new HostileProfile(HostileMode.DNS_NAME, null, null, host, null);
    }

    /** {@code trickle-body}, one byte every {@code interval}. */
    public static HostileProfile trickle(Duration interval) {
        return new HostileProfile(HostileMode.TRICKLE_BODY, null, null, null, interval);
    }

    public HostileProfile withTarget(HostileTarget value) {
        return new HostileProfile(mode, value, redirectTo, endpointHost, trickleInterval);
    }

    /** Whether a request to {@code service} meets the hostile answer. */
    public boolean covers(String service) {
        return target.covers(service);
    }

    /** The scheme, host and port of {@code redirectTo} ({@code http://127.0.0.2:9999}), the port always written. */
    public String redirectOrigin() {
        if (redirectTo == null) {
            return null;
        }
        int port = redirectTo.getPort() >= 0 ? redirectTo.getPort() : "https".equals(redirectTo.getScheme()) ? 443 : 80;
        return redirectTo.getScheme() + "://" + redirectTo.getHost() + ":" + port;
    }
}
