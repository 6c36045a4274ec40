package org.stackratings.sandbox.api.compute.servers.ports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.network.DevicePorts;
import org.stackratings.sandbox.state.network.NetworkStore;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * The Neutron ports of a server, as Nova keeps them: one per NIC, made for the server (or the port it was given,
 * bound to it) with {@code device_id} the server's id and {@code device_owner} {@code compute:nova}; the server's
 * addresses are read from them (with the floating IPs on them); deleted with the server, except the ports it was
 * given, which are unbound.
 */
public final class ServerPorts {

    private final ApiRequest req;
    private final NetworkStore store;
    private final DevicePorts ports;

    public ServerPorts(ApiRequest req) {
        this.req = req;
        this.store = req.cloud().networks();
        this.ports = new DevicePorts(store);
    }

    /** The ids of the project's security groups of these names (or ids); Nova's 400 for one it does not find. */
    public JsonArray securityGroups(List<String> names) {
        JsonArray ids = new JsonArray();
        for (String name : names) {
            String id = securityGroup(name).orElseThrow(() -> new NovaRefusal(400, "Security group " + name
                    + " not found for project " + req.profile().project().id() + "."));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The id of the project's security group of this name (or id). */
    public Optional<String> securityGroup(String name) {
        String project = req.profile().project().id();
        return store.all(NeutronKind.SECURITY_GROUP).stream()
                .filter(g -> project.equals(g.getString("project_id")))
                .filter(g -> name.equals(g.getString("name")) || name.equals(g.getString("id")))
                .map(g -> g.getString("id")).findFirst();
    }

    /** Puts the security groups {@code groupIds} on every port of the server. */
    public void secure(String serverId, JsonArray groupIds) {
        synchronized (store) {
            for (JsonObject port : ports.of(serverId)) {
                port.put("security_groups", groupIds.copy()).put("updated_at", req.now().toString())
                        .put("revision_number", port.getInteger("revision_number", 0) + 1);
            }
        }
    }

    /**
     * Gives the server a port for each NIC; the ids of the ports it was given (which survive it) are added to
     * {@code given}. A NIC whose network has no free address gets no port.
     */
    public void attach(String serverId, List<Nic> nics, JsonArray groupIds, Set<String> given) {
        for (Nic nic : nics) {
            attach(serverId, nic, groupIds, given);
        }
    }

    /** Gives the server a port for one NIC; the port, or empty when its network has no free address. */
    public Optional<JsonObject> attach(String serverId, Nic nic, JsonArray groupIds, Set<String> given) {
        if (nic.portId() != null) {
            if (!ports.bind(nic.portId(), serverId, req.now().toString())) {
                throw new NovaRefusal(409, "Port " + nic.portId() + " is still in use.");
            }
            given.add(nic.portId());
            return store.find(NeutronKind.PORT, nic.portId());
        }
        JsonObject network = store.find(NeutronKind.NETWORK, nic.networkId()).orElseThrow(
                () -> new NovaRefusal(400, "Network " + nic.networkId() + " could not be found."));
        return ports.create(network, req.profile().project().id(), serverId, nic.fixedIp(), groupIds,
                req.now().toString());
    }

    /** The server's ports, oldest first. */
    public List<JsonObject> of(String serverId) {
        return ports.of(serverId);
    }

    /** Takes every port off the server: those it was {@code given} are unbound, the others deleted. */
    public void detachAll(String serverId, Set<String> given) {
        for (JsonObject port : ports.of(serverId)) {
            ports.release(port, !given.contains(port.getString("id")), req.now().toString());
        }
    }

    /** Takes one port off the server (deleted unless it was {@code given}). */
    public void detach(JsonObject port, Set<String> given) {
        ports.release(port, !given.contains(port.getString("id")), req.now().toString());
    }

    /**
     * The server's addresses by network name: each port's fixed IPs and the floating IPs on it, with the
     * {@code OS-EXT-IPS} fields when {@code extended}.
     */
    public JsonObject addresses(String serverId, boolean extended) {
        JsonObject addresses = new JsonObject();
        for (JsonObject port : ports.of(serverId)) {
            String network = store.find(NeutronKind.NETWORK, port.getString("network_id"))
                    .map(n -> n.getString("name")).orElse(port.getString("network_id"));
            JsonArray list = addresses.getJsonArray(network);
            if (list == null) {
                list = new JsonArray();
                addresses.put(network, list);
            }
            for (Object o : port.getJsonArray("fixed_ips", new JsonArray())) {
                list.add(address(((JsonObject) o).getString("ip_address"), "fixed", port, extended));
            }
            for (JsonObject f : store.all(NeutronKind.FLOATINGIP)) {
                if (port.getString("id").equals(f.getString("port_id"))) {
                    list.add(address(f.getString("floating_ip_address"), "floating", port, extended));
                }
            }
        }
        return addresses;
    }

    private static JsonObject address(String ip, String type, JsonObject port, boolean extended) {
        JsonObject address = new JsonObject().put("version", ip.contains(":") ? 6 : 4).put("addr", ip);
        if (extended) {
            address.put("OS-EXT-IPS:type", type).put("OS-EXT-IPS-MAC:mac_addr", port.getString("mac_address"));
        }
        return address;
    }
}
