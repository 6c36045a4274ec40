package org.stackratings.compliance.conformance.checks.network;

import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.NETWORKS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.PORTS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.ROUTERS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.SUBNETS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.find;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.get;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.id;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.object;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.put;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.checks.Absent;
import org.stackratings.compliance.conformance.checks.Undo;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * Neutron's L3 routers (docs/compliance.md): the refusals of {@code networks-l3-router} and the CRUD and interfaces of
 * {@code networks-l3-CRUD}, on addresses of {@code 10.251.0.0/16} the run keeps to itself. A router's extra routes are
 * cleared also when the check fails ({@link Undo}), so that the clean-up can remove its interfaces.
 */
@ApplicationScoped
class RouterChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "networks-l3-router", this::routerRefusals,
                "networks-l3-CRUD", this::routers);
    }

    /**
     * Tempest's router refusals, for a member: a gateway on a network that does not exist (404) or is not external
     * (400); a router, a subnet or a port an interface uses cannot be deleted (409). What it made the clean-up deletes.
     */
    private void routerRefusals(CheckContext c) {
        NeutronResources neutron = new NeutronResources(c);
        String router = id(neutron.create(ROUTERS, "l3r-router", object()));
        String network = id(neutron.create(NETWORKS, "l3r-net", object()));
        String subnet = id(neutron.create(SUBNETS, "l3r-subnet", object().put("network_id", network)
                .put("ip_version", 4).put("cidr", "10.251.2.0/28")));
        c.expect(put(ROUTERS.of(router), "router", gateway(router)),
                "a gateway on a network that does not exist is refused", 404);
        c.expect(put(ROUTERS.of(router), "router", gateway(network)),
                "a gateway on a network that is not external is refused", 400);
        JsonNode added = addInterface(c, router, "subnet_id", subnet, subnet);
        String port = added.path("port_id").asText("");
        c.require(!port.isEmpty(), "the interface answer names no port");
        c.expect(ApiCall.of(CloudService.NETWORK, "DELETE", ROUTERS.of(router), null),
                "a router with an interface cannot be deleted", 409);
        c.expect(ApiCall.of(CloudService.NETWORK, "DELETE", SUBNETS.of(subnet), null),
                "a subnet a router interface is on cannot be deleted", 409);
        c.expect(ApiCall.of(CloudService.NETWORK, "DELETE", PORTS.of(port), null),
                "a router interface's port cannot be deleted through the port API", 409);
    }

    /**
     * Routers: the external networks visible, create, show, list, update (name, admin state, gateway set and unset,
     * extra routes set and cleared), interfaces by subnet and by port (listed by device, overlapping subnets refused),
     * removed, and delete.
     */
    private void routers(CheckContext c) {
        NeutronResources neutron = new NeutronResources(c);
        JsonNode externals = c.expectJson(get(NETWORKS.path + "?router:external=true"),
                "the external networks are listed", 200).path("networks");
        c.require(externals.isArray(), "the answer has no 'networks' list");
        boolean allExternal = true;
        for (JsonNode n : externals) {
            allExternal &= n.path("router:external").asBoolean(false);
        }
        c.require(allExternal, "the list filtered by router:external=true shows a network that is not external");
        JsonNode created = neutron.create(ROUTERS, "l3-router", object().put("admin_state_up", false));
        String router = id(created);
        c.require(!created.path("admin_state_up").asBoolean(true),
                "the router was created with admin_state_up false and answers otherwise");
        c.expectJson(get(ROUTERS.of(router)), "the router is shown", 200);
        JsonNode routers = c.expectJson(get(ROUTERS.path), "the routers are listed", 200).path("routers");
        c.require(find(routers, router) != null, "the router list lacks the router");
        String name = c.marker().name("l3-router-renamed");
        JsonNode renamed = update(c, ROUTERS, router, object().put("name", name).put("admin_state_up", true));
        c.require(name.equals(renamed.path("name").asText()) && renamed.path("admin_state_up").asBoolean(false),
                "the router update does not answer the new name and admin_state_up true");
        if (!externals.isEmpty()) {
            String external = id(externals.get(0));
            JsonNode withGateway = update(c, ROUTERS, router, gateway(external));
            c.require(external.equals(withGateway.path("external_gateway_info").path("network_id").asText()),
                    "the router update does not answer the gateway set");
            ObjectNode unset = object();
            unset.putObject("external_gateway_info");
            JsonNode withoutGateway = update(c, ROUTERS, router, unset);
            c.require(withoutGateway.path("external_gateway_info").path("network_id").asText("").isEmpty(),
                    "the router update does not answer the gateway unset");
        }

        String networkA = id(neutron.create(NETWORKS, "l3-net-a", object()));
        String subnetA = id(neutron.create(SUBNETS, "l3-subnet-a", object().put("network_id", networkA)
                .put("ip_version", 4).put("cidr", "10.251.3.0/28")));
        String networkB = id(neutron.create(NETWORKS, "l3-net-b", object()));
        String subnetB = id(neutron.create(SUBNETS, "l3-subnet-b", object().put("network_id", networkB)
                .put("ip_version", 4).put("cidr", "10.251.4.0/28")));
        ObjectNode portAttributes = object().put("network_id", networkB);
        portAttributes.putArray("fixed_ips").addObject().put("subnet_id", subnetB);
        String portB = id(neutron.create(PORTS, "l3-port-b", portAttributes));
        JsonNode bySubnet = addInterface(c, router, "subnet_id", subnetA, subnetA);
        c.require(subnetA.equals(bySubnet.path("subnet_id").asText()),
                "the interface added by subnet does not answer that subnet");
        JsonNode byPort = addInterface(c, router, "port_id", portB, subnetB);
        c.require(portB.equals(byPort.path("port_id").asText()), "the interface added by port does not answer that port");
        JsonNode routerPorts = c.expectJson(get(PORTS.path + "?device_id=" + router),
                "the router's ports are listed", 200).path("ports");
        c.require(find(routerPorts, bySubnet.path("port_id").asText()) != null && find(routerPorts, portB) != null,
                "the port list filtered by the router's id lacks one of its two interfaces");

        String networkC = id(neutron.create(NETWORKS, "l3-net-c", object()));
        String subnetC = id(neutron.create(SUBNETS, "l3-subnet-c", object().put("network_id", networkC)
                .put("ip_version", 4).put("cidr", "10.251.3.0/28")));
        c.expect(put(ROUTERS.of(router) + "/add_router_interface", null, object().put("subnet_id", subnetC)),
                "an interface on a subnet overlapping another interface's is refused", 400);

        ObjectNode routes = object();
        routes.putArray("routes").addObject().put("destination", "10.252.0.0/24").put("nexthop", "10.251.3.5");
        ObjectNode noRoutes = object();
        noRoutes.putArray("routes");
        Undo.onFailure(() -> {
            JsonNode routed = update(c, ROUTERS, router, routes);
            c.require("10.251.3.5".equals(routed.path("routes").path(0).path("nexthop").asText()),
                    "the router update does not answer the extra route");
            c.require(update(c, ROUTERS, router, noRoutes).path("routes").isEmpty(),
                    "the router update does not answer the extra routes cleared");
        }, () -> c.expect(put(ROUTERS.of(router), "router", noRoutes), "the extra routes are cleared (so that the"
                + " interfaces can be removed)", 200));
        c.expect(get(ROUTERS.of(Absent.ID)), "a router that does not exist is not found", 404);

        removeInterface(c, router, "subnet_id", subnetA, subnetA);
        removeInterface(c, router, "port_id", portB, subnetB);
        neutron.delete(ROUTERS, router);
    }

    private static JsonNode addInterface(CheckContext c, String router, String by, String id, String subnet) {
        JsonNode added = c.expectJson(put(ROUTERS.of(router) + "/add_router_interface", null, object().put(by, id)),
                "an interface is added by " + by, 200);
        c.ledger().add(ResourceKind.ROUTER_INTERFACE, ResourceKind.id(router, subnet));
        return added;
    }

    private static void removeInterface(CheckContext c, String router, String by, String id, String subnet) {
        c.expectJson(put(ROUTERS.of(router) + "/remove_router_interface", null, object().put(by, id)),
                "the interface is removed by " + by, 200);
        c.ledger().deleted(ResourceKind.ROUTER_INTERFACE, ResourceKind.id(router, subnet));
    }

    /** {@code {"external_gateway_info": {"network_id": network}}}. */
    private static ObjectNode gateway(String network) {
        ObjectNode changes = object();
        changes.putObject("external_gateway_info").put("network_id", network);
        return changes;
    }
}
