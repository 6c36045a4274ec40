package org.stackratings.sandbox.state.volume;

import java.time.Instant;

/**
 * One attachment of a volume to a Nova server: its id, the server, the device name, when it was made, whether Nova
 * made it ({@code byCompute}: through its os-volume_attachments or a boot block device, with a connection to the host;
 * Cinder then refuses a user's os-detach of it with 409) or a user through Cinder's low-level os-attach, and whether
 * Nova deletes the volume with the server ({@code delete_on_termination} of a block device mapping).
 */
public record VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt,
        boolean byCompute, boolean deleteOnTermination) {

    /** An attachment Nova made after boot ({@code os-volume_attachments}): kept when the server goes. */
    public VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt) {
        this(id, volumeId, serverId, device, attachedAt, true, false);
    }
}
