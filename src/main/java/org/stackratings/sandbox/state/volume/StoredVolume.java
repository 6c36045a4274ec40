package org.stackratings.sandbox.state.volume;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Cinder volume as the store holds it: its project, status, writable attributes, where it came from (snapshot,
 * source volume, image), its attachments, its times and the status change still to come ({@code pending}, null
 * when none).
 */
public record StoredVolume(String id, String project, String userId, String status, VolumeAttributes attributes,
        int size, String availabilityZone, String volumeType, VolumeOrigin origin, List<VolumeAttachment> attachments,
        Instant createdAt, Instant updatedAt, PendingChange pending) {

    /** The statuses in which Cinder lets a member delete a volume. */
    private static final Set<String> DELETABLE = Set.of("available", "error", "error_restoring", "error_extending",
            "error_managing");

    public StoredVolume {
        attachments = List.copyOf(attachments);
    }

    /** Whether Cinder lets a member delete it as it is (a status that allows it, attached to nothing). */
    public boolean deletable() {
        return DELETABLE.contains(status) && attachments.isEmpty();
    }

    public boolean bootable() {
        return attributes.bootable();
    }

    public Map<String, String> metadata() {
        return attributes.metadata();
    }

    StoredVolume with(VolumeAttributes changed, Instant now) {
        return new StoredVolume(id, project, userId, status, changed, size, availabilityZone, volumeType, origin,
                attachments, createdAt, now, pending);
    }

    StoredVolume withStatus(String changed, PendingChange next, Instant now) {
        return new StoredVolume(id, project, userId, changed, attributes, size, availabilityZone, volumeType, origin,
                attachments, createdAt, now, next);
    }

    StoredVolume withSize(int changed, Instant now) {
        return new StoredVolume(id, project, userId, status, attributes, changed, availabilityZone, volumeType,
                origin, attachments, createdAt, now, pending);
    }

    StoredVolume withAttachments(List<VolumeAttachment> changed, Instant now) {
        return new StoredVolume(id, project, userId, status, attributes, size, availabilityZone, volumeType, origin,
                changed, createdAt, now, pending);
    }
}
