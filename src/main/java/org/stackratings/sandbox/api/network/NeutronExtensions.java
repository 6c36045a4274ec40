package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The Neutron API extensions the sandbox implements, exactly: what {@code GET /v2.0/extensions} lists. */
final class NeutronExtensions {

    /** One extension: alias, name and description as Neutron words them. */
    record Extension(String alias, String name, String description) {

        JsonObject json() {
            return new JsonObject().put("alias", alias).put("name", name).put("description", description)
                    .put("updated", "2013-01-20T00:00:00-00:00").put("links", new JsonArray());
        }
    }

    static final List<Extension> ALL = List.of(
            new Extension("external-net", "Neutron external network", "Adds external network attribute to network resource."),
            new Extension("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway."),
            new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router"),
            new Extension("quotas", "Quota management support", "Expose functions for quotas management per project"),
            new Extension("quota_details", "Quota details management support", "Expose functions for quotas usage statistics per project"),
            new Extension("security-group", "security-group", "The security groups extension."),
            new Extension("port-security", "Port Security", "Provides port security"),
            new Extension("allowed-address-pairs", "Allowed Address Pairs", "Provides allowed address pairs"),
            new Extension("extra_dhcp_opt", "Neutron Extra DHCP options", "Extra options configuration for DHCP. For example PXE boot options to DHCP clients can be specified (e.g. tftp-server, server-ip-address, bootfile-name)"),
            new Extension("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet pool"),
            new Extension("net-mtu", "Network MTU", "Provides MTU attribute for a network resource."),
            new Extension("project-id", "project_id field enabled", "Extension that indicates that project_id field is enabled."),
            new Extension("standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"),
            new Extension("standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip", "Enables to set tag on resources with standard attribute."),
            new Extension("standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes."),
            new Extension("standard-attr-revisions", "Resource revision numbers", "This extension will display the revision number of neutron resources."),
            new Extension("agent", "agent", "The agent management extension."),
            new Extension("ip-substring-filtering", "IP address substring filtering", "Provides IP address substring filtering when listing ports"),
            new Extension("sorting", "Sorting support", "Enabling sorting support"),
            new Extension("pagination", "Pagination support", "Enabling pagination support"),
            new Extension("service-type", "Neutron Service Type Management", "API for retrieving service providers for Neutron advanced services"));

    static Optional<Extension> find(String alias) {
        return ALL.stream().filter(e -> e.alias().equals(alias)).findFirst();
    }
}
