package org.stackratings.sandbox.api.compute.servers.ports;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Nova's {@code os-interface} of a server: its ports listed and shown as interface attachments, a port attached
 * (a new one on {@code net_id}, optionally at a fixed IP, or the project's free {@code port_id}; 200 with the
 * attachment) and detached (202; a port Nova made is deleted, a given one unbound), on a server that is ACTIVE,
 * SHUTOFF or PAUSED and not locked.
 */
public final class InterfacesApi {

    /** Registers the routes under {@code server}, the path of one server. */
    public void register(ServiceRoutes routes, String server) {
        String interfaces = server + "/os-interface";
        routes.get(interfaces, NovaRefusal.answering(this::list));
        routes.route(HttpMethod.POST, interfaces, true, NovaRefusal.answering(this::attach));
        routes.get(interfaces + "/:port_id", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, interfaces + "/:port_id", true, NovaRefusal.answering(this::detach));
    }

    private void list(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        JsonArray list = new JsonArray();
        new ServerPorts(req).of(server.id()).forEach(p -> list.add(attachment(req, p)));
        req.ok(new JsonObject().put("interfaceAttachments", list));
    }

    private void show(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        req.ok(new JsonObject().put("interfaceAttachment", attachment(req, port(req, server))));
    }

    private static JsonObject port(ApiRequest req, SimulatedServer server) {
        String portId = req.param("port_id");
        JsonObject port = req.cloud().networks().find(NeutronKind.PORT, portId)
                .orElseThrow(() -> new NovaRefusal(404, "Port id " + portId + " could not be found."));
        if (!server.id().equals(port.getString("device_id"))) {
            throw new NovaRefusal(404, "Instance " + server.id() + " does not have a port with id " + portId);
        }
        return port;
    }

    private void attach(ApiRequest req) {
        JsonObject body = req.jsonBody();
        Object value = body == null ? null : body.getValue("interfaceAttachment");
        if (value != null && !(value instanceof JsonObject)) {
            throw NovaRefusal.invalid("interfaceAttachment", value);
        }
        JsonObject asked = value == null ? new JsonObject() : (JsonObject) value;
        Nic nic = nic(asked);
        SimulatedServer server = RequestedServer.unlocked(req);
        if (server.taskState() != null || !List.of("active", "stopped", "paused").contains(server.vmState())) {
            throw new NovaRefusal(409, "Cannot 'attach_interface' instance " + server.id() + " while it is in "
                    + (server.taskState() != null ? "task_state " + server.taskState()
                            : "vm_state " + server.vmState()));
        }
        Nic resolved = NicRequests.validate(req, List.of(nic), 1).get(0);
        ServerPorts ports = new ServerPorts(req);
        Set<String> given = new HashSet<>();
        JsonObject port = ports.attach(server.id(), resolved, ports.securityGroups(server.securityGroups()), given)
                .orElseThrow(() -> new NovaRefusal(400, "No more IP addresses available on network "
                        + resolved.networkId() + "."));
        RequestedServer.modify(req, server.id(), r -> r.givenPorts().addAll(given));
        req.ok(new JsonObject().put("interfaceAttachment", attachment(req, port)));
    }

    /** The NIC an attach asks for: a port, a network (with fixed IPs) or neither (the project's network). */
    private static Nic nic(JsonObject asked) {
        Object portId = asked.getValue("port_id");
        Object netId = asked.getValue("net_id");
        Object fixedIps = asked.getValue("fixed_ips");
        if (portId != null && netId != null) {
            throw new NovaRefusal(400, "Must not input both network_id and port_id");
        }
        String fixedIp = null;
        if (fixedIps != null) {
            if (netId == null) {
                throw new NovaRefusal(400, "Must input network_id when request IP address");
            }
            if (!(fixedIps instanceof JsonArray list) || list.size() != 1
                    || !(list.getValue(0) instanceof JsonObject ip)
                    || !(ip.getValue("ip_address") instanceof String address)) {
                throw NovaRefusal.invalid("fixed_ips", fixedIps);
            }
            fixedIp = address;
        }
        JsonArray networks = new JsonArray();
        if (portId != null) {
            networks.add(new JsonObject().put("port", portId));
        } else if (netId != null) {
            networks.add(new JsonObject().put("uuid", netId).put("fixed_ip", fixedIp));
        } else {
            return NicRequests.parse(null, org.stackratings.sandbox.api.Microversion.parse("2.1",
                    ComputeApi.MAX)).get(0);
        }
        return NicRequests.parse(networks, ComputeApi.MAX).get(0);
    }

    private void detach(ApiRequest req) {
        SimulatedServer server = RequestedServer.unlocked(req);
        String portId = req.param("port_id");
        JsonObject port = req.cloud().networks().find(NeutronKind.PORT, portId)
                .filter(p -> server.id().equals(p.getString("device_id")))
                .orElseThrow(() -> new NovaRefusal(404, "Port " + portId + " is not attached"));
        Set<String> given = new HashSet<>();
        RequestedServer.modify(req, server.id(), r -> {
            given.addAll(r.givenPorts());
            r.givenPorts().remove(portId);
        });
        new ServerPorts(req).detach(port, given);
        req.reply(202, null);
    }

    private static JsonObject attachment(ApiRequest req, JsonObject port) {
        JsonArray fixedIps = new JsonArray();
        for (Object o : port.getJsonArray("fixed_ips", new JsonArray())) {
            JsonObject ip = (JsonObject) o;
            fixedIps.add(new JsonObject().put("subnet_id", ip.getString("subnet_id"))
                    .put("ip_address", ip.getString("ip_address")));
        }
        JsonObject json = new JsonObject().put("port_state", port.getString("status"))
                .put("fixed_ips", fixedIps).put("port_id", port.getString("id"))
                .put("net_id", port.getString("network_id")).put("mac_addr", port.getString("mac_address"));
        if (ComputeApi.microversion(req).atLeast(2, 70)) {
            json.putNull("tag");
        }
        return json;
    }
}
