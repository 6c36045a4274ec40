package org.stackratings.sandbox.state.volume;

import java.time.Instant;

/** One attachment of a volume to a Nova server: its id, the server, the device name and when it was made. */
public record VolumeAttachment(String id, String volumeId, String serverId, String device, Instant attachedAt) {
}
