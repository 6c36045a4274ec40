package org.stackratings.sandbox.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a hostile cloud misbehaves on purpose (docs/sandbox.md, "Hostile clouds"). The first six modes replace the
 * answers of their {@link HostileTarget}; the next three alter Keystone's token answer; {@link #SILENT_KEYSTONE} never
 * answers Keystone at all.
 */
public enum HostileMode {
    /** 302 to {@code redirectTo}. */
    REDIRECT("redirect", HostileTarget.KEYSTONE, false),
    /** 200 with an HTML page. */
    NOT_JSON("not-json", HostileTarget.SERVICES, false),
    /** 200 with a JSON document cut off in the middle (and a Content-Length that matches). */
    TRUNCATED_JSON("truncated-json", HostileTarget.SERVICES, false),
    /** 200, chunked: a JSON document that never ends, as fast as the client reads. */
    ENDLESS_BODY("endless-body", HostileTarget.SERVICES, false),
    /** 200, chunked: a JSON document that never ends, one byte every {@code trickleInterval}. */
    TRICKLE_BODY("trickle-body", HostileTarget.SERVICES, false),
    /** The normal answer with about 1 MiB of extra response headers. */
    HUGE_HEADERS("huge-headers", HostileTarget.SERVICES, false),
    /** A valid token whose answer has values of the wrong JSON types. */
    WRONG_TYPES("wrong-types", HostileTarget.KEYSTONE, true),
    /** A valid token whose catalog points the services at {@code redirectTo}'s host and port. */
    FOREIGN_ENDPOINTS("foreign-endpoints", HostileTarget.KEYSTONE, true),
    /** A valid token whose catalog names {@code endpointHost} as the host of every endpoint. */
    DNS_NAME("dns-name", HostileTarget.KEYSTONE, true),
    /** Keystone reads the request and never answers, until the client closes the connection. */
    SILENT_KEYSTONE("silent-keystone", HostileTarget.KEYSTONE, true);

    private final String id;
    private final HostileTarget defaultTarget;
    private final boolean keystoneOnly;

    HostileMode(String id, HostileTarget defaultTarget, boolean keystoneOnly) {
        this.id = id;
        this.defaultTarget = defaultTarget;
        this.keystoneOnly = keystoneOnly;
    }

    /** The name used in profiles and the control API. */
    public String id() {
        return id;
    }

    /** The target when the profile names none. */
    public HostileTarget defaultTarget() {
        return defaultTarget;
    }

    /** Whether the mode is about Keystone's answers only (its target cannot be changed). */
    public boolean keystoneOnly() {
        return keystoneOnly;
    }

    public static Optional<HostileMode> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(HostileMode::id).toList();
    }
}
