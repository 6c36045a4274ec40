package org.stackratings.compliance.conformance.checks;

import static org.stackratings.compliance.conformance.checks.NeutronResources.Collection.NETWORKS;
import static org.stackratings.compliance.conformance.checks.NeutronResources.Collection.PORTS;
import static org.stackratings.compliance.conformance.checks.NeutronResources.Collection.ROUTERS;
import static org.stackratings.compliance.conformance.checks.NeutronResources.Collection.SECURITY_GROUPS;
import static org.stackratings.compliance.conformance.checks.NeutronResources.Collection.SUBNETS;
import static org.stackratings.compliance.conformance.checks.NeutronResources.Collection.SUBNET_POOLS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * The checks of Neutron's capabilities (docs/compliance.md): L2 (networks, subnets, ports), routers (the refusals of
 * {@code networks-l3-router}, the CRUD and interfaces of {@code networks-l3-CRUD}), security groups and their rules,
 * subnet pools, and the versions document. Each check makes its own resources ({@link NeutronResources}: marked,
 * in the ledger) on addresses of {@code 10.251.0.0/16} that the run keeps to itself, and deletes what its capability
 * is about; the rest the run's clean-up deletes.
 */
@ApplicationScoped
class NetworkChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "networks-l2-CRUD", this::l2,
                "networks-l3-router", this::routerRefusals,
                "networks-l3-CRUD", this::routers,
                "networks-security-groups-CRUD", this::securityGroups,
                "networks-subnet-pools-CRUD", this::subnetPools,
                "networks-list-api-versions", this::versions);
    }

    /** Networks, subnets (pools, DNS, host routes) and ports (one, two at once): create, show, list, fields, update, delete. */
    private void l2(CheckContext c) {
        NeutronResources neutron = new NeutronResources(c);
        String network = id(neutron.create(NETWORKS, "l2-net", object()));
        ObjectNode subnetAttributes = object().put("network_id", network).put("ip_version", 4)
                .put("cidr", "10.251.1.0/28").put("gateway_ip", "10.251.1.1").put("enable_dhcp", false);
        subnetAttributes.putArray("allocation_pools").addObject().put("start", "10.251.1.4").put("end", "10.251.1.12");
        subnetAttributes.putArray("dns_nameservers").add("192.0.2.53");
        subnetAttributes.putArray("host_routes").addObject().put("destination", "192.0.2.0/24")
                .put("nexthop", "10.251.1.2");
        JsonNode subnet = neutron.create(SUBNETS, "l2-subnet", subnetAttributes);
        String subnetId = id(subnet);
        c.require("10.251.1.0/28".equals(subnet.path("cidr").asText()) && "10.251.1.1".equals(
                subnet.path("gateway_ip").asText()), "the subnet does not have the CIDR and gateway it was created with");
        c.require("10.251.1.4".equals(subnet.path("allocation_pools").path(0).path("start").asText())
                && "10.251.1.12".equals(subnet.path("allocation_pools").path(0).path("end").asText()),
                "the subnet does not have the allocation pool it was created with");
        c.require(strings(subnet.path("dns_nameservers")).contains("192.0.2.53")
                && "192.0.2.0/24".equals(subnet.path("host_routes").path(0).path("destination").asText()),
                "the subnet does not have the DNS server and host route it was created with");

        ObjectNode portAttributes = object().put("network_id", network);
        portAttributes.putArray("fixed_ips").addObject().put("subnet_id", subnetId).put("ip_address", "10.251.1.5");
        JsonNode port = neutron.create(PORTS, "l2-port", portAttributes);
        String portId = id(port);
        c.require("10.251.1.5".equals(port.path("fixed_ips").path(0).path("ip_address").asText())
                && !port.path("mac_address").asText("").isEmpty(),
                "the port does not have the address of the pool it was created with, or has no MAC address");
        List<JsonNode> bulk = neutron.createBulk(PORTS, List.of("l2-bulk-1", "l2-bulk-2"),
                List.of(object().put("network_id", network), object().put("network_id", network)));
        c.require(bulk.stream().allMatch(p -> network.equals(p.path("network_id").asText())),
                "the ports created at once are not on the network they were created on");

        JsonNode shown = c.expectJson(get(NETWORKS.of(network)), "the network is shown", 200).path("network");
        c.require(strings(shown.path("subnets")).contains(subnetId), "the network does not list its subnet");
        JsonNode fields = c.expectJson(get(NETWORKS.path + "?fields=id&fields=name"),
                "the networks are listed with only the fields asked for", 200).path("networks");
        JsonNode listed = find(fields, network);
        c.require(listed != null && fieldNames(listed).equals(Set.of("id", "name")),
                "the list asked for the fields id and name does not show the network with exactly those");
        JsonNode subnetFields = c.expectJson(get(SUBNETS.of(subnetId) + "?fields=id&fields=cidr"),
                "the subnet is shown with only the fields asked for", 200).path("subnet");
        c.require(fieldNames(subnetFields).equals(Set.of("id", "cidr")),
                "the subnet asked for the fields id and cidr does not show exactly those");
        JsonNode subnets = c.expectJson(get(SUBNETS.path + "?network_id=" + network),
                "the network's subnets are listed", 200).path("subnets");
        c.require(find(subnets, subnetId) != null, "the subnet list filtered by network lacks the subnet");
        JsonNode ports = c.expectJson(get(PORTS.path + "?network_id=" + network), "the network's ports are listed",
                200).path("ports");
        List<String> portIds = new ArrayList<>(List.of(portId, id(bulk.get(0)), id(bulk.get(1))));
        c.require(portIds.stream().allMatch(p -> find(ports, p) != null),
                "the port list filtered by network lacks some of the three ports");
        c.expectJson(get(PORTS.of(portId)), "the port is shown", 200);

        String networkName = c.marker().name("l2-net-renamed");
        c.require(networkName.equals(update(c, NETWORKS, network, object().put("name", networkName))
                .path("name").asText()), "the network update does not answer the new name");
        ObjectNode subnetChange = object().put("name", c.marker().name("l2-subnet-renamed"));
        subnetChange.putArray("dns_nameservers").add("192.0.2.54");
        JsonNode changedSubnet = update(c, SUBNETS, subnetId, subnetChange);
        c.require(strings(changedSubnet.path("dns_nameservers")).equals(List.of("192.0.2.54")),
                "the subnet update does not answer the new DNS server");
        JsonNode changedPort = update(c, PORTS, portId, object().put("name", c.marker().name("l2-port-renamed"))
                .put("admin_state_up", false));
        c.require(!changedPort.path("admin_state_up").asBoolean(true),
                "the port update does not answer admin_state_up false");

        for (String p : portIds) {
            neutron.delete(PORTS, p);
        }
        neutron.delete(SUBNETS, subnetId);
        neutron.delete(NETWORKS, network);
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

    /**
     * Security groups and rules: create (its default egress rules), show, list, update; rules TCP with a remote
     * prefix, ICMP with type and code, UDP from a remote group; show, list by group; refusals (a duplicate 409, a bad
     * ethertype, protocol, port range or prefix 400, an absent remote group 404); delete a rule, the group.
     */
    private void securityGroups(CheckContext c) {
        NeutronResources neutron = new NeutronResources(c);
        JsonNode created = neutron.create(SECURITY_GROUPS, "sg", object());
        String group = id(created);
        c.require(created.path("security_group_rules").isArray(), "the new group shows no security_group_rules list");
        c.expectJson(get(SECURITY_GROUPS.of(group)), "the security group is shown", 200);
        JsonNode groups = c.expectJson(get(SECURITY_GROUPS.path), "the security groups are listed", 200)
                .path("security_groups");
        c.require(find(groups, group) != null, "the security group list lacks the group");
        String name = c.marker().name("sg-renamed");
        c.require(name.equals(update(c, SECURITY_GROUPS, group, object().put("name", name)).path("name").asText()),
                "the security group update does not answer the new name");

        ObjectNode tcp = rule(group, "tcp").put("port_range_min", 22).put("port_range_max", 22)
                .put("remote_ip_prefix", "192.0.2.0/24");
        JsonNode tcpRule = createRule(c, tcp, "a TCP rule from a prefix is created");
        c.require("tcp".equals(tcpRule.path("protocol").asText()) && tcpRule.path("port_range_min").asInt() == 22
                && "192.0.2.0/24".equals(tcpRule.path("remote_ip_prefix").asText()),
                "the TCP rule does not have the protocol, port and prefix it was created with");
        JsonNode icmpRule = createRule(c, rule(group, "icmp").put("port_range_min", 8).put("port_range_max", 0),
                "an ICMP rule with type and code is created");
        c.require(icmpRule.path("port_range_min").asInt(-1) == 8 && icmpRule.path("port_range_max").asInt(-1) == 0,
                "the ICMP rule does not have the type and code it was created with");
        JsonNode groupRule = createRule(c, rule(group, "udp").put("port_range_min", 53).put("port_range_max", 53)
                .put("remote_group_id", group), "a UDP rule from a remote group is created");
        c.require(group.equals(groupRule.path("remote_group_id").asText()),
                "the rule does not have the remote group it was created with");
        String tcpId = id(tcpRule);
        c.require("ingress".equals(c.expectJson(get("/v2.0/security-group-rules/" + tcpId), "the rule is shown",
                200).path("security_group_rule").path("direction").asText()), "the rule shown is not ingress");
        JsonNode rules = c.expectJson(get("/v2.0/security-group-rules?security_group_id=" + group),
                "the group's rules are listed", 200).path("security_group_rules");
        c.require(find(rules, tcpId) != null && find(rules, id(icmpRule)) != null && find(rules, id(groupRule)) != null,
                "the rule list filtered by group lacks one of the three rules");

        refuse(c, tcp, "the same rule twice is refused", 409);
        refuse(c, rule(group, "tcp").put("ethertype", "IPv5"), "an unknown ethertype is refused", 400);
        refuse(c, rule(group, "no-such-protocol"), "an unknown protocol is refused", 400);
        refuse(c, rule(group, "tcp").put("port_range_min", 30).put("port_range_max", 20),
                "a port range whose minimum exceeds its maximum is refused", 400);
        refuse(c, rule(group, "tcp").put("remote_ip_prefix", "not-a-prefix"), "a remote prefix that is no CIDR is"
                + " refused", 400);
        refuse(c, rule(group, "tcp").put("remote_group_id", Absent.ID), "a remote group that does not exist is not"
                + " found", 404);
        c.expect(get(SECURITY_GROUPS.of(Absent.ID)), "a security group that does not exist is not found", 404);

        c.expect(ApiCall.of(CloudService.NETWORK, "DELETE", "/v2.0/security-group-rules/" + tcpId, null),
                "the rule is deleted", 204);
        c.expect(get("/v2.0/security-group-rules/" + tcpId), "the deleted rule is gone", 404);
        neutron.delete(SECURITY_GROUPS, group);
    }

    /** Tempest's subnet pool CRUD: create with a prefix and a minimum prefix length, list, show, update, delete. */
    private void subnetPools(CheckContext c) {
        NeutronResources neutron = new NeutronResources(c);
        ObjectNode attributes = object().put("min_prefixlen", 28);
        attributes.putArray("prefixes").add("10.253.0.0/24");
        JsonNode created = neutron.create(SUBNET_POOLS, "pool", attributes);
        String pool = id(created);
        c.require(strings(created.path("prefixes")).contains("10.253.0.0/24"),
                "the subnet pool does not have the prefix it was created with");
        JsonNode pools = c.expectJson(get(SUBNET_POOLS.path), "the subnet pools are listed", 200).path("subnetpools");
        c.require(find(pools, pool) != null, "the subnet pool list lacks the pool");
        JsonNode shown = c.expectJson(get(SUBNET_POOLS.of(pool)), "the subnet pool is shown", 200).path("subnetpool");
        c.require(shown.path("min_prefixlen").asInt() == 28, "the subnet pool shown does not have min_prefixlen 28");
        String name = c.marker().name("pool-renamed");
        c.require(name.equals(update(c, SUBNET_POOLS, pool, object().put("name", name)).path("name").asText()),
                "the subnet pool update does not answer the new name");
        neutron.delete(SUBNET_POOLS, pool);
    }

    /** Neutron's versions document: each version with id, links and status, v2.0 among them. */
    private void versions(CheckContext c) {
        JsonNode versions = c.expectJson(ApiCall.versions(CloudService.NETWORK), "the API versions are listed", 200)
                .path("versions");
        c.require(versions.isArray() && !versions.isEmpty(), "the answer has no list of versions");
        boolean complete = true;
        boolean v2 = false;
        for (JsonNode version : versions) {
            complete &= version.hasNonNull("id") && version.path("links").isArray() && version.hasNonNull("status");
            v2 |= "v2.0".equals(version.path("id").asText());
        }
        c.require(complete, "a version lacks its id, links or status");
        c.require(v2, "no version is v2.0");
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

    private static JsonNode update(CheckContext c, NeutronResources.Collection collection, String id,
                                   ObjectNode changes) {
        return c.expectJson(put(collection.of(id), collection.key, changes), "the " + collection.key + " is updated",
                200).path(collection.key);
    }

    private static JsonNode createRule(CheckContext c, ObjectNode rule, String expected) {
        ObjectNode body = object();
        body.set("security_group_rule", rule);
        JsonNode created = c.expectJson(ApiCall.of(CloudService.NETWORK, "POST", "/v2.0/security-group-rules",
                body.toString()), expected, 201).path("security_group_rule");
        c.require(!created.path("id").asText("").isEmpty(), "the answer names no rule id");
        return created;
    }

    private static void refuse(CheckContext c, ObjectNode rule, String expected, int status) {
        ObjectNode body = object();
        body.set("security_group_rule", rule);
        c.expect(ApiCall.of(CloudService.NETWORK, "POST", "/v2.0/security-group-rules", body.toString()), expected,
                status);
    }

    private static ObjectNode rule(String group, String protocol) {
        return object().put("security_group_id", group).put("direction", "ingress").put("ethertype", "IPv4")
                .put("protocol", protocol);
    }

    /** {@code {"external_gateway_info": {"network_id": network}}}. */
    private static ObjectNode gateway(String network) {
        ObjectNode changes = object();
        changes.putObject("external_gateway_info").put("network_id", network);
        return changes;
    }

    /** A PUT of {@code {key: changes}}, or of {@code changes} itself when {@code key} is null. */
    private static ApiCall put(String path, String key, ObjectNode changes) {
        ObjectNode body = changes;
        if (key != null) {
            body = object();
            body.set(key, changes);
        }
        return ApiCall.of(CloudService.NETWORK, "PUT", path, body.toString());
    }

    private static ApiCall get(String path) {
        return ApiCall.get(CloudService.NETWORK, path);
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String id(JsonNode doc) {
        return doc.path("id").asText();
    }

    /** The element of a list whose id is {@code id}, or null. */
    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode element : list) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode doc) {
        Set<String> names = new java.util.HashSet<>();
        doc.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
