package org.stackratings.sandbox.state.compute;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a server's action history ({@code os-instance-actions}): what was asked ({@code action}, such as
 * {@code create}, {@code reboot} or {@code resize}), by which request and user, when, and the events the compute
 * service went through for it (each finished once its {@code finish} instant has passed).
 */
public record InstanceAction(String action, String requestId, String userId, String projectId, Instant start,
        List<Event> events) {

    /** One step of an action, e.g. {@code compute_reboot_instance}; {@code result} is Success or Error when done. */
    public record Event(String name, Instant start, Instant finish, boolean fails) {

        /** Whether the event has finished at {@code now}. */
        public boolean finishedAt(Instant now) {
            return !now.isBefore(finish);
        }
    }

    public InstanceAction {
        events = List.copyOf(events);
    }

    /** The last instant anything of this action changed at {@code now}: its start, or its events' finish. */
    public Instant updatedAt(Instant now) {
        Instant updated = start;
        for (Event e : events) {
            Instant seen = e.finishedAt(now) ? e.finish() : e.start();
            updated = seen.isAfter(updated) ? seen : updated;
        }
        return updated;
    }
}
