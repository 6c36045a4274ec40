package org.stackratings.compliance.conformance;

import java.util.UUID;

/**
 * The two marks every resource of a conformance run carries, so that the reaper deletes only what a run made: a name
 * that starts with {@value #PREFIX}, and the run's id under the key {@value #KEY} (metadata, a tag or the
 * description, whatever the resource's API offers).
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

    /** Whether a name and a second mark (metadata value, tag or description) are both this agency's run marks. */
    public static boolean marked(String name, String secondMark) {
        return name != null && name.startsWith(PREFIX) && secondMark != null && !secondMark.isBlank();
    }
}
