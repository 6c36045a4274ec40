package org.stackratings.sandbox.state.volume;

import java.time.Instant;

/**
 * One attachment of a volume to a Nova server: its id, the server, the device name, when it was made and whether
 * Nova deletes the volume with the server ({@code delete_on_termination} of a block device mapping).
 */
public record VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt,
        boolean deleteOnTermination) {

    /** An attachment made after boot ({@code os-volume_attachments}, {@code os-attach}): kept when the server goes. */
    public VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt) {
        this(id, volumeId, serverId, device, attachedAt, false);
    }
}
