package org.stackratings.sandbox.api.compute.servers.actions;

import java.util.List;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.state.SimulatedServer;

/** Nova's check that a server is in a VM state that allows an action, with no task under way; its 409 if not. */
final class ServerStates {

    private ServerStates() {
    }

    static void require(SimulatedServer server, String action, String... vmStates) {
        boolean ok = server.taskState() == null && List.of(vmStates).contains(server.vmState());
        if (!ok) {
            throw new NovaRefusal(409, "Cannot '" + action + "' instance " + server.id() + " while it is in "
                    + (server.taskState() != null ? "task_state " + server.taskState()
                            : "vm_state " + server.vmState()));
        }
    }
}
