package org.stackratings.sandbox.api.compute.servers.actions;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.ActionHistory;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.api.compute.servers.ports.ServerPorts;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * The {@code addSecurityGroup} and {@code removeSecurityGroup} actions: a security group of the project (by name),
 * added to the server or taken off it, and so on every Neutron port of the server; 404 for a group the project does
 * not have, 400 for one the server has already (add) or has not (remove).
 */
final class SecurityGroupActions {

    void add(ApiRequest req, Object argument) {
        change(req, argument, true);
    }

    void remove(ApiRequest req, Object argument) {
        change(req, argument, false);
    }

    private static void change(ApiRequest req, Object argument, boolean add) {
        if (!(argument instanceof JsonObject body)) {
            throw new NovaRefusal(400, "Missing parameter dict");
        }
        if (!body.containsKey("name")) {
            throw new NovaRefusal(400, "Security group not specified");
        }
        if (!(body.getValue("name") instanceof String name) || name.isBlank()) {
            throw new NovaRefusal(400, "Security group name cannot be empty");
        }
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerPorts ports = new ServerPorts(req);
        if (ports.securityGroup(name).isEmpty()) {
            throw new NovaRefusal(404, "Security group " + name + " not found for project "
                    + req.profile().project().id() + ".");
        }
        boolean has = server.securityGroups().contains(name);
        if (add && has) {
            throw new NovaRefusal(400, "Security group " + name + " is already associated with the instance "
                    + server.id());
        }
        if (!add && !has) {
            throw new NovaRefusal(400, "Security group " + name + " not associated with the instance " + server.id());
        }
        List<String> groups = new ArrayList<>(server.securityGroups());
        if (add) {
            groups.add(name);
        } else {
            groups.remove(name);
        }
        var record = ActionHistory.of(req, add ? "addSecurityGroup" : "removeSecurityGroup",
                "compute_" + (add ? "add" : "remove") + "_security_group", Duration.ZERO, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.securityGroups().clear();
            r.securityGroups().addAll(groups);
            r.record(record);
        });
        ports.secure(server.id(), ports.securityGroups(groups));
        req.reply(202, null);
    }
}
