package org.stackratings.sandbox.api.network.l3;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.api.network.l2.FixedIps;
import org.stackratings.sandbox.api.network.l2.PortResource;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's routers ({@code router}, {@code external-net}, {@code extraroute}): a gateway on an external network
 * (an address of it, SNAT on), interfaces added and removed by subnet or port ({@link RouterInterfaces}), extra
 * routes whose next hop is on a connected subnet; a router with interfaces cannot be deleted.
 */
public final class RouterResource implements NeutronResource {

    static final String GATEWAY = "network:router_gateway";
    private static final Set<String> CREATE = Set.of("name", "admin_state_up", "external_gateway_info",
            "description", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "admin_state_up", "external_gateway_info",
            "description", "routes");
    private static final Set<String> KNOWN = Set.of("id", "status", "tenant_id", "project_id", "tags", "created_at",
            "updated_at", "revision_number");

    @Override
    public NeutronKind kind() {
        return NeutronKind.ROUTER;
    }

    @Override
    public void registerExtra(ServiceRoutes routes) {
        RouterInterfaces interfaces = new RouterInterfaces();
        routes.route(HttpMethod.PUT, "/v2.0/routers/:id/add_router_interface", true,
                NeutronError.answering(interfaces::add));
        routes.route(HttpMethod.PUT, "/v2.0/routers/:id/remove_router_interface", true,
                NeutronError.answering(interfaces::remove));
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        JsonObject doc = NeutronDocuments.standard(NeutronRequest.newId(), body.string("name", 255, ""),
                req.projectId(), req.now())
                .put("description", body.string("description", 255, ""))
                .put("admin_state_up", body.bool("admin_state_up", true)).put("status", "ACTIVE")
                .putNull("external_gateway_info").put("routes", new JsonArray());
        req.store().put(kind(), doc);
        try {
            gateway(req, doc, body);
        } catch (NeutronError e) {
            req.store().remove(kind(), doc.getString("id"));
            throw e;
        }
        return doc;
    }

    private void gateway(NeutronRequest req, JsonObject router, Attributes body) {
        if (!body.has("external_gateway_info")) {
            return;
        }
        Object raw = body.raw("external_gateway_info");
        JsonObject info = raw instanceof JsonObject o ? o : new JsonObject();
        if (raw != null && !(raw instanceof JsonObject)) {
            throw Attributes.invalid("external_gateway_info", "'" + raw + "' is not a dictionary");
        }
        for (String admin : List.of("enable_snat", "external_fixed_ips")) {
            if (info.containsKey(admin)) {
                throw NeutronError.forbidden("(rule:update_router:external_gateway_info:" + admin
                        + ") is disallowed by policy");
            }
        }
        String networkId = info.getString("network_id");
        JsonObject current = router.getJsonObject("external_gateway_info");
        if (current != null && current.getString("network_id").equals(networkId)) {
            return;
        }
        if (current != null) {
            clearGateway(req, router);
        }
        if (networkId == null) {
            return;
        }
        JsonObject network = req.find(NeutronKind.NETWORK, networkId);
        if (!network.getBoolean("router:external", false)) {
            throw NeutronError.badRequest("Bad router request: Network " + networkId + " is not an external network.");
        }
        JsonArray fixedIps = FixedIps.resolve(req, networkId, null, null);
        PortResource.devicePort(req, networkId, "", GATEWAY, router.getString("id"), fixedIps);
        router.put("external_gateway_info", new JsonObject().put("network_id", networkId).put("enable_snat", true)
                .put("external_fixed_ips", fixedIps.copy()));
    }

    private static void clearGateway(NeutronRequest req, JsonObject router) {
        String id = router.getString("id");
        boolean floating = req.store().all(NeutronKind.FLOATINGIP).stream()
                .anyMatch(f -> id.equals(f.getString("router_id")));
        if (floating) {
            throw NeutronError.conflict("RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated for"
                    + " router " + id + ", since a gateway to external network "
                    + router.getJsonObject("external_gateway_info").getString("network_id")
                    + " is required by one or more floating IPs.");
        }
        ports(req, id, GATEWAY).forEach(p -> req.store().remove(NeutronKind.PORT, p.getString("id")));
        router.putNull("external_gateway_info");
    }

    /** The router's ports of one device owner. */
    static List<JsonObject> ports(NeutronRequest req, String routerId, String owner) {
        return req.store().all(NeutronKind.PORT).stream()
                .filter(p -> routerId.equals(p.getString("device_id")) && owner.equals(p.getString("device_owner")))
                .toList();
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        body.allowOnly(UPDATE, KNOWN);
        gateway(req, doc, body);
        if (body.has("routes")) {
            doc.put("routes", routes(req, doc, body.objects("routes")));
        }
        doc.put("name", body.string("name", 255, doc.getString("name")))
                .put("description", body.string("description", 255, doc.getString("description")))
                .put("admin_state_up", body.bool("admin_state_up", doc.getBoolean("admin_state_up")));
        return req.touched(doc);
    }

    private static JsonArray routes(NeutronRequest req, JsonObject router, List<JsonObject> requested) {
        List<Ipv4Cidr> connected = RouterInterfaces.subnets(req, router.getString("id")).stream()
                .map(s -> Ipv4Cidr.parse(s.getString("cidr")).orElseThrow()).toList();
        JsonArray routes = new JsonArray();
        for (JsonObject route : requested) {
            String destination = route.getString("destination");
            String nexthop = route.getString("nexthop");
            if (Ipv4Cidr.parse(destination).isEmpty() || Ipv4Cidr.address(nexthop).isEmpty()) {
                throw Attributes.invalid("routes", "Invalid data format for hostroute: '" + route.encode() + "'");
            }
            long hop = Ipv4Cidr.address(nexthop).orElseThrow();
            if (connected.stream().noneMatch(c -> c.contains(hop))) {
                throw new NeutronError(400, "InvalidRoutes", "Invalid format for routes: " + requested
                        + ", the nexthop is not connected with router");
            }
            JsonObject entry = new JsonObject().put("destination", destination).put("nexthop", nexthop);
            if (!routes.contains(entry)) {
                routes.add(entry);
            }
        }
        return routes;
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        String id = doc.getString("id");
        if (!ports(req, id, PortResource.ROUTER_INTERFACE).isEmpty()) {
            throw NeutronError.conflict("RouterInUse", "Router " + id + " still has ports");
        }
        if (doc.getJsonObject("external_gateway_info") != null) {
            clearGateway(req, doc);
        }
        req.store().remove(kind(), id);
    }
}
