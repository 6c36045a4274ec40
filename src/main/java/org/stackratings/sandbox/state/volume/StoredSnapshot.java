package org.stackratings.sandbox.state.volume;

import java.time.Instant;
import java.util.Map;

/**
 * One snapshot of a volume: its project, the user who made it, status, name, description, metadata, size (the
 * volume's when it was taken), times and pending change.
 */
public record StoredSnapshot(String id, String project, String userId, String volumeId, String status, String name,
        String description, Map<String, String> metadata, int size, Instant createdAt, Instant updatedAt,
        PendingChange pending) {

    public StoredSnapshot {
        metadata = Map.copyOf(metadata);
    }

    public StoredSnapshot withText(String changedName, String changedDescription, Instant now) {
        return new StoredSnapshot(id, project, userId, volumeId, status, changedName, changedDescription, metadata,
                size, createdAt, now, pending);
    }

    public StoredSnapshot withMetadata(Map<String, String> changed, Instant now) {
        return new StoredSnapshot(id, project, userId, volumeId, status, name, description, changed, size, createdAt,
                now, pending);
    }

    StoredSnapshot withStatus(String changed, PendingChange next, Instant now) {
        return new StoredSnapshot(id, project, userId, volumeId, changed, name, description, metadata, size,
                createdAt, now, next);
    }
}
