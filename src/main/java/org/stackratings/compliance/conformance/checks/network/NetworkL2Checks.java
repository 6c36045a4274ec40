package org.stackratings.compliance.conformance.checks.network;

import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.NETWORKS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.PORTS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.SUBNETS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.find;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.get;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.id;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.object;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.strings;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * Neutron's L2 (docs/compliance.md): networks, subnets (pools, DNS, host routes) and ports (one, two at once) created,
 * shown, listed, updated and deleted, on {@code 10.251.1.0/28}; and Neutron's versions document. Its resources are
 * made with {@link NeutronResources} (marked, in the ledger).
 */
@ApplicationScoped
class NetworkL2Checks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "networks-l2-CRUD", this::l2,
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

    private static Set<String> fieldNames(JsonNode doc) {
        Set<String> names = new java.util.HashSet<>();
        doc.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
