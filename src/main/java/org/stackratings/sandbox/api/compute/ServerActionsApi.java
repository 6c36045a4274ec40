package org.stackratings.sandbox.api.compute;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * {@code POST /servers/{id}/action}: {@code os-stop}, {@code os-start} and {@code reboot} (SOFT or HARD), each
 * refused with Nova's 409 in a task or VM state that does not allow it.
 */
final class ServerActionsApi {

    /** Registers the route under {@code server}, the path of one server ({@code .../servers/:server_id}). */
    void register(ServiceRoutes routes, String server) {
        routes.route(HttpMethod.POST, server + "/action", true, NovaRefusal.answering(this::action));
    }

    private void action(ApiRequest req) {
        JsonObject body = req.jsonBody();
        if (body == null || body.size() != 1) {
            throw new NovaRefusal(400, "Malformed request body");
        }
        String action = body.fieldNames().iterator().next();
        SimulatedServer server = RequestedServer.existing(req);
        switch (action) {
            case "os-stop" -> {
                requireState(server, "stop", "active", "error");
                changePower(req, server, true);
            }
            case "os-start" -> {
                requireState(server, "start", "stopped");
                changePower(req, server, false);
            }
            case "reboot" -> {
                Object type = body.getValue("reboot") instanceof JsonObject r ? r.getValue("type") : null;
                if (!"SOFT".equals(type) && !"HARD".equals(type)) {
                    throw NovaRefusal.invalid("type", type);
                }
                if ("SOFT".equals(type)) {
                    requireState(server, "reboot", "active", "stopped");
                } else {
                    requireState(server, "reboot", "active", "stopped", "error");
                }
                changePower(req, server, false);
            }
            default -> throw new NovaRefusal(400, "There is no such action: " + action);
        }
    }

    private static void requireState(SimulatedServer server, String what, String... vmStates) {
        boolean ok = server.taskState() == null && List.of(vmStates).contains(server.vmState());
        if (!ok) {
            throw new NovaRefusal(409, "Cannot '" + what + "' instance " + server.id() + " while it is in "
                    + (server.taskState() != null ? "task_state " + server.taskState()
                            : "vm_state " + server.vmState()));
        }
    }

    private static void changePower(ApiRequest req, SimulatedServer server, boolean stopped) {
        RequestedServer.modify(req, server.id(), e -> e.stopped(stopped));
        req.reply(202, null);
    }
}
