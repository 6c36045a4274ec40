package org.stackratings.sandbox.api.network.l3;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.l2.PortResource;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * {@code add_router_interface} and {@code remove_router_interface}: by subnet (a new port on the subnet's gateway
 * address) or by port (an unattached port of the project); no two interfaces of a router on overlapping subnets.
 */
final class RouterInterfaces {

    void add(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        JsonObject router = req.find(NeutronKind.ROUTER, http.param("id"));
        JsonObject body = body(http);
        String routerId = router.getString("id");
        JsonObject port;
        if (body.getValue("port_id") != null) {
            port = req.find(NeutronKind.PORT, body.getString("port_id"));
            if (!port.getString("device_id", "").isEmpty()) {
                throw NeutronError.conflict("PortInUse", "Unable to complete operation on port " + port.getString("id")
                        + " for network " + port.getString("network_id") + ". Port already has an attached device "
                        + port.getString("device_id") + ".");
            }
            if (port.getJsonArray("fixed_ips").isEmpty()) {
                throw NeutronError.badRequest("Bad router request: Router port must have at least one fixed IP.");
            }
            for (Object o : port.getJsonArray("fixed_ips")) {
                noOverlap(req, routerId, req.find(NeutronKind.SUBNET, ((JsonObject) o).getString("subnet_id")));
            }
            port.put("device_id", routerId).put("device_owner", PortResource.ROUTER_INTERFACE).put("status", "ACTIVE");
            req.touched(port);
        } else {
            JsonObject subnet = req.find(NeutronKind.SUBNET, body.getString("subnet_id"));
            String gateway = subnet.getString("gateway_ip");
            if (gateway == null) {
                throw NeutronError.badRequest("Bad router request: Subnet " + subnet.getString("id")
                        + " does not have a gateway IP.");
            }
            noOverlap(req, routerId, subnet);
            if (req.store().usedAddresses(subnet.getString("id")).contains(Ipv4Cidr.address(gateway).orElseThrow())) {
                throw NeutronError.conflict("IpAddressAlreadyAllocated", "IP address " + gateway
                        + " already allocated in subnet " + subnet.getString("id"));
            }
            port = PortResource.devicePort(req, subnet.getString("network_id"), req.projectId(),
                    PortResource.ROUTER_INTERFACE, routerId, new JsonArray().add(new JsonObject()
                            .put("subnet_id", subnet.getString("id")).put("ip_address", gateway)));
        }
        req.touched(router);
        http.ok(info(router, port));
    }

    private static JsonObject body(ApiRequest http) {
        JsonObject body = http.jsonBody();
        if (body == null) {
            throw NeutronError.badRequest("Bad router request: Either subnet_id or port_id must be specified.");
        }
        boolean subnet = body.getValue("subnet_id") != null;
        boolean port = body.getValue("port_id") != null;
        if (subnet && port) {
            throw NeutronError.badRequest("Bad router request: Cannot specify both subnet-id and port-id.");
        }
        if (!subnet && !port) {
            throw NeutronError.badRequest("Bad router request: Either subnet_id or port_id must be specified.");
        }
        return body;
    }

    private static void noOverlap(NeutronRequest req, String routerId, JsonObject subnet) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.getString("cidr")).orElseThrow();
        for (JsonObject other : subnets(req, routerId)) {
            if (other.getString("id").equals(subnet.getString("id"))) {
                throw NeutronError.badRequest("Bad router request: Router already has a port on subnet "
                        + subnet.getString("id") + ".");
            }
            if (Ipv4Cidr.parse(other.getString("cidr")).orElseThrow().overlaps(cidr)) {
                throw NeutronError.badRequest("Bad router request: Cidr " + cidr + " of subnet "
                        + subnet.getString("id") + " overlaps with cidr " + other.getString("cidr") + " of subnet "
                        + other.getString("id") + ".");
            }
        }
    }

    /** The subnets a router has interfaces on. */
    static List<JsonObject> subnets(NeutronRequest req, String routerId) {
        List<JsonObject> subnets = new ArrayList<>();
        for (JsonObject port : RouterResource.ports(req, routerId, PortResource.ROUTER_INTERFACE)) {
            for (Object o : port.getJsonArray("fixed_ips")) {
                req.store().find(NeutronKind.SUBNET, ((JsonObject) o).getString("subnet_id")).ifPresent(subnets::add);
            }
        }
        return subnets;
    }

    void remove(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        JsonObject router = req.find(NeutronKind.ROUTER, http.param("id"));
        JsonObject body = body(http);
        String routerId = router.getString("id");
        List<JsonObject> ports = RouterResource.ports(req, routerId, PortResource.ROUTER_INTERFACE);
        JsonObject port;
        if (body.getValue("port_id") != null) {
            String portId = body.getString("port_id");
            port = ports.stream().filter(p -> portId.equals(p.getString("id"))).findFirst()
                    .orElseThrow(() -> new NeutronError(404, "RouterInterfaceNotFound", "Router " + routerId
                            + " does not have an interface with id " + portId));
        } else {
            String subnetId = body.getString("subnet_id");
            req.find(NeutronKind.SUBNET, subnetId);
            port = ports.stream().filter(p -> p.getJsonArray("fixed_ips").stream()
                    .anyMatch(ip -> subnetId.equals(((JsonObject) ip).getString("subnet_id")))).findFirst()
                    .orElseThrow(() -> new NeutronError(404, "RouterInterfaceNotFoundForSubnet", "Router "
                            + routerId + " has no interface on subnet " + subnetId));
        }
        for (Object o : port.getJsonArray("fixed_ips")) {
            inUse(req, router, ((JsonObject) o).getString("subnet_id"));
        }
        PortResource.release(req, port);
        req.touched(router);
        http.ok(info(router, port));
    }

    private static void inUse(NeutronRequest req, JsonObject router, String subnetId) {
        String routerId = router.getString("id");
        JsonObject subnet = req.store().find(NeutronKind.SUBNET, subnetId).orElse(null);
        if (subnet == null) {
            return;
        }
        Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.getString("cidr")).orElseThrow();
        boolean floating = req.store().all(NeutronKind.FLOATINGIP).stream()
                .filter(f -> routerId.equals(f.getString("router_id")) && f.getString("fixed_ip_address") != null)
                .anyMatch(f -> cidr.contains(Ipv4Cidr.address(f.getString("fixed_ip_address")).orElse(-1L)));
        if (floating) {
            throw NeutronError.conflict("RouterInterfaceInUseByFloatingIP", "Router interface for subnet " + subnetId
                    + " on router " + routerId + " cannot be deleted, as it is required by one or more floating IPs.");
        }
        boolean routed = router.getJsonArray("routes").stream()
                .anyMatch(r -> cidr.contains(Ipv4Cidr.address(((JsonObject) r).getString("nexthop")).orElse(-1L)));
        if (routed) {
            throw NeutronError.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet " + subnetId
                    + " on router " + routerId + " cannot be deleted, as it is required by one or more routes.");
        }
    }

    private static JsonObject info(JsonObject router, JsonObject port) {
        JsonArray subnetIds = new JsonArray();
        port.getJsonArray("fixed_ips").forEach(o -> subnetIds.add(((JsonObject) o).getString("subnet_id")));
        return new JsonObject().put("id", router.getString("id")).put("tenant_id", router.getString("project_id"))
                .put("project_id", router.getString("project_id")).put("port_id", port.getString("id"))
                .put("network_id", port.getString("network_id"))
                .put("subnet_id", subnetIds.isEmpty() ? null : subnetIds.getString(0)).put("subnet_ids", subnetIds)
                .put("tags", new JsonArray());
    }
}
