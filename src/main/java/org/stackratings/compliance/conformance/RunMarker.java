package org.stackratings.compliance.conformance;

import java.util.Optional;
import java.util.UUID;

/**
 * The two marks every resource of a conformance run carries, so that the reaper deletes only what a run made: a name
 * that starts with {@value #PREFIX}, and the run's id under the key {@value #KEY} (metadata, a tag or the
 * description, whatever the resource's API offers: {@link SecondMark}).
 */
public record RunMarker(UUID runId) {

    public static final String PREFIX = "stackratings-conformance-";
    public static final String KEY = "stackratings.run";

    /** A name for the run's resource of that role ({@code stackratings-conformance-<run>-<role>}). */
    public String name(String role) {
        return PREFIX + runId + "-" + role;
    }

    /** The marker as a Neutron tag or a Glance tag ({@code stackratings.run=<run>}). */
    public String tag() {
        return KEY + "=" + runId;
    }

    /** The run a name belongs to: {@code stackratings-conformance-<uuid>-<role>}; empty for any other name. */
    public static Optional<UUID> runOf(String name) {
        int uuidLength = 36;
        if (!name.startsWith(PREFIX) || name.length() < PREFIX.length() + uuidLength) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(name.substring(PREFIX.length(), PREFIX.length() + uuidLength)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
