package org.stackratings.sandbox.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which answers of a hostile cloud misbehave: Keystone's, the other services', or all of them. */
public enum HostileTarget {
    /** Every request under {@code /{cloud}/identity}. */
    KEYSTONE("keystone"),
    /** Every request to compute, image, network and volume (the token issue works normally). */
    SERVICES("services"),
    /** Every request to the cloud. */
    ALL("all");

    private final String id;

    HostileTarget(String id) {
        this.id = id;
    }

    /** The name used in profiles. */
    public String id() {
        return id;
    }

    /** Whether a request to {@code service} (a key of {@link CloudProfile#ALL_SERVICES}) is a target. */
    public boolean covers(String service) {
        return switch (this) {
            case KEYSTONE -> "identity".equals(service);
            case SERVICES -> !"identity".equals(service);
            case ALL -> true;
        };
    }

    public static Optional<HostileTarget> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(HostileTarget::id).toList();
    }
}
