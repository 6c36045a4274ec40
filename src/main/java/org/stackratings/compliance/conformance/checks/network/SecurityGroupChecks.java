package org.stackratings.compliance.conformance.checks.network;

import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.SECURITY_GROUPS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.find;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.get;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.id;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.object;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.checks.Absent;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * Neutron's security groups and their rules (docs/compliance.md): created, shown, listed, updated, the rules Neutron
 * refuses, and deleted. Rules have no name: they go with their group.
 */
@ApplicationScoped
class SecurityGroupChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "networks-security-groups-CRUD", this::securityGroups);
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
}
