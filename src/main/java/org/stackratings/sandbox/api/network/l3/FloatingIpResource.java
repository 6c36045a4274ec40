package org.stackratings.sandbox.api.network.l3;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.api.network.l2.FixedIps;
import org.stackratings.sandbox.api.network.l2.PortResource;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's floating IPs: an address of an external network, associated with a fixed IP of a port whose subnet a
 * router connects to that network (the router that then carries it), disassociated with {@code port_id: null}.
 */
public final class FloatingIpResource implements NeutronResource {

    private static final Set<String> CREATE = Set.of("floating_network_id", "port_id", "fixed_ip_address",
            "floating_ip_address", "subnet_id", "description", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("port_id", "fixed_ip_address", "description");
    private static final Set<String> KNOWN = Set.of("id", "floating_network_id", "floating_ip_address", "router_id",
            "status", "tenant_id", "project_id", "tags", "created_at", "updated_at", "revision_number", "subnet_id");

    @Override
    public NeutronKind kind() {
        return NeutronKind.FLOATINGIP;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        if (body.has("floating_ip_address")) {
            throw NeutronError.forbidden("(rule:create_floatingip and rule:create_floatingip:floating_ip_address)"
                    + " is disallowed by policy");
        }
        String networkId = body.stringOrNull("floating_network_id");
        if (networkId == null) {
            throw Attributes.missing("floating_network_id");
        }
        JsonObject network = req.find(NeutronKind.NETWORK, networkId);
        if (!network.getBoolean("router:external", false)) {
            throw NeutronError.badRequest("Bad floatingip request: Network " + networkId
                    + " is not a valid external network.");
        }
        String id = NeutronRequest.newId();
        JsonObject doc = NeutronDocuments.standard(id, null, req.projectId(), req.now()).put("floating_network_id",
                networkId).put("description", body.string("description", 255, ""));
        doc.remove("name");
        disassociated(doc);
        if (body.raw("port_id") != null) {
            associate(req, doc, body.stringOrNull("port_id"), body.stringOrNull("fixed_ip_address"));
        }
        List<JsonObject> requested = body.raw("subnet_id") == null ? null
                : List.of(new JsonObject().put("subnet_id", body.stringOrNull("subnet_id")));
        JsonArray address = FixedIps.resolve(req, networkId, requested, null);
        if (address.isEmpty()) {
            throw NeutronError.conflict("IpAddressGenerationFailure", "No more IP addresses available on network "
                    + networkId + ".");
        }
        PortResource.devicePort(req, networkId, "", "network:floatingip", id, address);
        doc.put("floating_ip_address", address.getJsonObject(0).getString("ip_address"));
        req.store().put(kind(), doc);
        return doc;
    }

    private static void disassociated(JsonObject doc) {
        doc.putNull("port_id").putNull("fixed_ip_address").putNull("router_id").put("status", "DOWN");
    }

    private static void associate(NeutronRequest req, JsonObject fip, String portId, String fixedIp) {
        JsonObject port = req.find(NeutronKind.PORT, portId);
        List<JsonObject> v4 = port.getJsonArray("fixed_ips").stream().map(o -> (JsonObject) o).toList();
        JsonObject chosen;
        if (fixedIp != null) {
            chosen = v4.stream().filter(ip -> fixedIp.equals(ip.getString("ip_address"))).findFirst()
                    .orElseThrow(() -> NeutronError.badRequest("Bad floatingip request: Port " + portId
                            + " does not have fixed ip " + fixedIp + "."));
        } else if (v4.size() == 1) {
            chosen = v4.get(0);
        } else if (v4.isEmpty()) {
            throw NeutronError.badRequest("Bad floatingip request: Port " + portId
                    + " does not have any IPv4 address.");
        } else {
            throw NeutronError.badRequest("Bad floatingip request: Port " + portId + " has multiple fixed IPv4"
                    + " addresses. Must provide a specific IPv4 address when assigning a floating IP.");
        }
        String address = chosen.getString("ip_address");
        String networkId = fip.getString("floating_network_id");
        for (JsonObject other : req.store().all(NeutronKind.FLOATINGIP)) {
            if (!other.getString("id").equals(fip.getString("id")) && portId.equals(other.getString("port_id"))
                    && address.equals(other.getString("fixed_ip_address"))) {
                throw NeutronError.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
                        + other.getString("floating_ip_address") + " (" + other.getString("id") + ") with port "
                        + portId + " using fixed IP " + address + ", as that fixed IP already has a floating IP on"
                        + " external network " + networkId + ".");
            }
        }
        String subnetId = chosen.getString("subnet_id");
        String routerId = router(req, networkId, subnetId).orElseThrow(() -> new NeutronError(404,
                "ExternalGatewayForFloatingIPNotFound", "External network " + networkId
                        + " is not reachable from subnet " + subnetId + ".  Therefore, cannot associate Port "
                        + portId + " with a Floating IP."));
        fip.put("port_id", portId).put("fixed_ip_address", address).put("router_id", routerId).put("status", "ACTIVE");
    }

    /** A router of the project with a gateway on the external network and an interface on the subnet. */
    private static Optional<String> router(NeutronRequest req, String networkId, String subnetId) {
        return req.store().all(NeutronKind.ROUTER).stream()
                .filter(r -> r.getJsonObject("external_gateway_info") != null
                        && networkId.equals(r.getJsonObject("external_gateway_info").getString("network_id")))
                .filter(r -> RouterInterfaces.subnets(req, r.getString("id")).stream()
                        .anyMatch(s -> subnetId.equals(s.getString("id"))))
                .map(r -> r.getString("id")).findFirst();
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        body.allowOnly(UPDATE, KNOWN);
        if (body.has("port_id")) {
            String portId = body.stringOrNull("port_id");
            if (portId == null) {
                disassociated(doc);
            } else {
                associate(req, doc, portId, body.stringOrNull("fixed_ip_address"));
            }
        }
        doc.put("description", body.string("description", 255, doc.getString("description")));
        return req.touched(doc);
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        String id = doc.getString("id");
        req.store().all(NeutronKind.PORT).stream()
                .filter(p -> id.equals(p.getString("device_id")) && "network:floatingip".equals(p.getString("device_owner")))
                .forEach(p -> req.store().remove(NeutronKind.PORT, p.getString("id")));
        req.store().remove(kind(), id);
    }
}
