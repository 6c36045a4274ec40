package org.stackratings.openstack;

import java.time.Instant;
import java.util.Map;

/** A server as Nova reports it; {@code fault} is Nova's fault message when the server is in ERROR. */
public record ServerState(String id, String name, String status, String fault, Map<String, String> metadata, Instant created) {

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public boolean isError() {
        return "ERROR".equals(status);
    }
}
