package org.stackratings.sandbox.state.volume;

import java.time.Instant;

/**
 * A status a volume or snapshot reaches at an instant of the sandbox clock: {@code status} at {@code at}; {@code gone}
 * when the resource disappears then (deleting); {@code detachedServer} the server whose attachment ends then (null:
 * none).
 */
public record PendingChange(String status, Instant at, boolean gone, String detachedServer) {

    static PendingChange becomes(String status, Instant at) {
        return new PendingChange(status, at, false, null);
    }

    static PendingChange removal(Instant at) {
        return new PendingChange(null, at, true, null);
    }
}
