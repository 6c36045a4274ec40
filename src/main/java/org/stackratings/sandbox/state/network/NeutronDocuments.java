package org.stackratings.sandbox.state.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The documents of new Neutron resources with every attribute at Neutron's default. */
public final class NeutronDocuments {

    private NeutronDocuments() {
    }

    /** The attributes every resource with standard attributes has. */
    public static JsonObject standard(String id, String name, String projectId, String now) {
        return new JsonObject().put("id", id).put("name", name).put("tenant_id", projectId)
                .put("project_id", projectId).put("description", "").put("tags", new JsonArray())
                .put("created_at", now).put("updated_at", now).put("revision_number", 0);
    }

    public static JsonObject network(String id, String name, String projectId, boolean external, int mtu, String now) {
        return standard(id, name, projectId, now)
                .put("admin_state_up", true).put("status", "ACTIVE").put("subnets", new JsonArray())
                .put("shared", false).put("router:external", external).put("mtu", mtu)
                .put("port_security_enabled", true)
                .putNull("ipv4_address_scope").putNull("ipv6_address_scope");
    }

    public static JsonObject subnet(String id, String name, String networkId, String projectId, Ipv4Cidr cidr,
            String gatewayIp, JsonArray allocationPools, String now) {
        return standard(id, name, projectId, now)
                .put("network_id", networkId).put("ip_version", 4).put("cidr", cidr.toString())
                .put("gateway_ip", gatewayIp).put("allocation_pools", allocationPools)
                .put("dns_nameservers", new JsonArray()).put("host_routes", new JsonArray())
                .put("enable_dhcp", true).putNull("ipv6_ra_mode").putNull("ipv6_address_mode")
                .putNull("subnetpool_id").put("service_types", new JsonArray());
    }

    public static JsonObject securityGroup(String id, String name, String description, String projectId,
            String now) {
        return standard(id, name, projectId, now).put("description", description).put("stateful", true)
                .put("shared", false);
    }

    public static JsonObject rule(String id, String groupId, String projectId, String direction, String ethertype,
            String remoteGroupId, String now) {
        return new JsonObject().put("id", id).put("tenant_id", projectId).put("project_id", projectId)
                .put("security_group_id", groupId).put("direction", direction).put("ethertype", ethertype)
                .putNull("protocol").putNull("port_range_min").putNull("port_range_max")
                .putNull("remote_ip_prefix").put("remote_group_id", remoteGroupId)
                .put("description", "")
                .put("created_at", now).put("updated_at", now).put("revision_number", 0);
    }
}
