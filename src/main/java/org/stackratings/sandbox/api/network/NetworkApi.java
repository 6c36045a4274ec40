package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * Neutron v2.0 under {@code /{cloud}/network}: versions, networks, subnets and extensions. List queries filter on
 * top-level scalar attributes ({@code ?name=private}), as Neutron does.
 */
public final class NetworkApi implements ServiceApi {

    private static final List<String[]> EXTENSIONS = List.of(
            new String[] {"external-net", "Neutron external network", "Adds external network attribute to network resource."},
            new String[] {"router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway."},
            new String[] {"quotas", "Quota management support", "Expose functions for quotas management per project"},
            new String[] {"security-group", "security-group", "The security groups extension."},
            new String[] {"port-security", "Port Security", "Provides port security"},
            new String[] {"network-mtu", "Network MTU", "Provides MTU attribute for a network resource."},
            new String[] {"availability_zone", "Availability Zone", "The availability zone extension."},
            new String[] {"standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"},
            new String[] {"standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip", "Enables to set tag on resources with standard attribute."});

    @Override
    public OpenStackService service() {
        return OpenStackService.NETWORK;
    }

    @Override
    public void register(ServiceRoutes routes) {
        routes.getOpen("", this::versions);
        routes.getOpen("/", this::versions);
        routes.get("/v2.0", this::resources);
        routes.get("/v2.0/", this::resources);
        routes.get("/v2.0/networks", this::networks);
        routes.get("/v2.0/networks/:network_id", this::network);
        routes.get("/v2.0/subnets", this::subnets);
        routes.get("/v2.0/subnets/:subnet_id", this::subnet);
        routes.get("/v2.0/extensions", this::extensions);
    }

    private void versions(ApiRequest req) {
        req.ok(new JsonObject().put("versions", new JsonArray().add(new JsonObject()
                .put("status", "CURRENT").put("id", "v2.0")
                .put("links", new JsonArray().add(new JsonObject().put("href", req.serviceBase() + "/v2.0/")
                        .put("rel", "self"))))));
    }

    private void resources(ApiRequest req) {
        JsonArray resources = new JsonArray();
        for (String[] r : new String[][] {{"network", "networks"}, {"subnet", "subnets"}}) {
            resources.add(new JsonObject().put("name", r[0]).put("collection", r[1])
                    .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
                            .put("href", req.serviceBase() + "/v2.0/" + r[1]))));
        }
        req.ok(new JsonObject().put("resources", resources));
    }

    private static JsonObject networkJson(ApiRequest req, CloudInventory.Network n) {
        String project = req.profile().project().id();
        return new JsonObject()
                .put("id", n.id())
                .put("name", n.name())
                .put("tenant_id", project)
                .put("project_id", project)
                .put("admin_state_up", true)
                .put("mtu", n.mtu())
                .put("status", "ACTIVE")
                .put("subnets", new JsonArray(n.subnetIds()))
                .put("shared", false)
                .put("availability_zone_hints", new JsonArray())
                .put("availability_zones", new JsonArray().add("nova"))
                .putNull("ipv4_address_scope")
                .putNull("ipv6_address_scope")
                .put("router:external", n.external())
                .put("description", "")
                .put("port_security_enabled", true)
                .put("l2_adjacency", true)
                .put("tags", new JsonArray())
                .put("created_at", CloudInventory.CREATED_AT)
                .put("updated_at", CloudInventory.CREATED_AT)
                .put("revision_number", 1);
    }

    private static JsonObject subnetJson(ApiRequest req, CloudInventory.Subnet s) {
        String project = req.profile().project().id();
        return new JsonObject()
                .put("id", s.id())
                .put("name", s.name())
                .put("network_id", s.networkId())
                .put("tenant_id", project)
                .put("project_id", project)
                .put("ip_version", 4)
                .put("cidr", s.cidr())
                .put("gateway_ip", s.gatewayIp())
                .put("allocation_pools", new JsonArray().add(new JsonObject().put("start", s.poolStart())
                        .put("end", s.poolEnd())))
                .put("dns_nameservers", new JsonArray())
                .put("host_routes", new JsonArray())
                .put("enable_dhcp", true)
                .putNull("ipv6_ra_mode")
                .putNull("ipv6_address_mode")
                .putNull("subnetpool_id")
                .put("service_types", new JsonArray())
                .put("description", "")
                .put("tags", new JsonArray())
                .put("created_at", CloudInventory.CREATED_AT)
                .put("updated_at", CloudInventory.CREATED_AT)
                .put("revision_number", 0);
    }

    /** Neutron-style filtering: every query parameter naming a scalar attribute must match it. */
    private static JsonArray filtered(ApiRequest req, List<JsonObject> items) {
        JsonArray result = new JsonArray();
        var params = req.context().queryParams();
        for (JsonObject item : items) {
            boolean matches = true;
            for (Map.Entry<String, String> p : params) {
                Object value = item.getValue(p.getKey());
                if (value != null && !(value instanceof JsonArray) && !(value instanceof JsonObject)
                        && !String.valueOf(value).equalsIgnoreCase(p.getValue())) {
                    matches = false;
                }
            }
            if (matches) {
                result.add(item);
            }
        }
        return result;
    }

    private void networks(ApiRequest req) {
        req.ok(new JsonObject().put("networks", filtered(req,
                req.inventory().networks().stream().map(n -> networkJson(req, n)).toList())));
    }

    private void network(ApiRequest req) {
        String id = req.param("network_id");
        req.inventory().network(id).ifPresentOrElse(
                n -> req.ok(new JsonObject().put("network", networkJson(req, n))),
                () -> notFound(req, "NetworkNotFound", "Network " + id + " could not be found."));
    }

    private void subnets(ApiRequest req) {
        req.ok(new JsonObject().put("subnets", filtered(req,
                req.inventory().subnets().stream().map(s -> subnetJson(req, s)).toList())));
    }

    private void subnet(ApiRequest req) {
        String id = req.param("subnet_id");
        req.inventory().subnet(id).ifPresentOrElse(
                s -> req.ok(new JsonObject().put("subnet", subnetJson(req, s))),
                () -> notFound(req, "SubnetNotFound", "Subnet " + id + " could not be found."));
    }

    private static void notFound(ApiRequest req, String type, String message) {
        req.reply(404, new JsonObject().put("NeutronError", new JsonObject().put("type", type)
                .put("message", message).put("detail", "")));
    }

    private void extensions(ApiRequest req) {
        JsonArray list = new JsonArray();
        for (String[] e : EXTENSIONS) {
            list.add(new JsonObject().put("alias", e[0]).put("name", e[1]).put("description", e[2])
                    .put("updated", "2013-01-20T00:00:00-00:00").put("links", new JsonArray()));
        }
        req.ok(new JsonObject().put("extensions", list));
    }
}
