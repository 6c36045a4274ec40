package org.stackratings.sandbox.state.volume;

import java.time.Instant;

/**
 * One attachment of a volume to a Nova server: its id, the server, the device name, when it was made and whether Nova
 * made it ({@code byCompute}: through its os-volume_attachments, with a connection to the host; Cinder then refuses a
 * user's os-detach of it with 409) or a user through Cinder's low-level os-attach.
 */
public record VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt,
        boolean byCompute) {

    /** An attachment Nova made. */
    public VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt) {
        this(id, volumeId, serverId, device, attachedAt, true);
    }
}
