package org.stackratings.sandbox.api.network.security;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's security group rules: direction, ethertype, protocol (name or number), port range or ICMP type and
 * code, and a remote IP prefix or a remote group (not both), with Neutron's checks; an equal rule is a conflict.
 * Rules are created and deleted, never updated.
 */
public final class SecurityGroupRuleResource implements NeutronResource {

    private static final Set<String> CREATE = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "description", "tenant_id",
            "project_id");
    private static final Set<String> KNOWN = Set.of("id", "created_at", "updated_at", "revision_number");

    @Override
    public NeutronKind kind() {
        return NeutronKind.SECURITY_GROUP_RULE;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        String direction = body.stringOrNull("direction");
        if (!"ingress".equals(direction) && !"egress".equals(direction)) {
            throw Attributes.invalid("direction", "'" + direction + "' is not in ['ingress', 'egress']");
        }
        String ethertype = body.has("ethertype") ? body.stringOrNull("ethertype") : "IPv4";
        if (!"IPv4".equals(ethertype) && !"IPv6".equals(ethertype)) {
            throw new NeutronError(400, "SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '"
                    + ethertype + "' not supported. Allowed values are ['IPv4', 'IPv6'].");
        }
        String protocol = body.raw("protocol") == null ? null : String.valueOf(body.raw("protocol"));
        Integer number = RuleProtocols.number(protocol);
        if (number == null) {
            throw new NeutronError(400, "SecurityGroupRuleInvalidProtocol", "Security group rule protocol "
                    + protocol + " not supported. Only protocol values " + RuleProtocols.NAMES
                    + " and integer representations [0 to 255] are supported.");
        }
        Integer min = port(body, "port_range_min");
        Integer max = port(body, "port_range_max");
        String prefix = prefix(body.stringOrNull("remote_ip_prefix"), ethertype);
        String remoteGroup = body.stringOrNull("remote_group_id");
        String groupId = body.stringOrNull("security_group_id");
        if (groupId == null) {
            throw Attributes.missing("security_group_id");
        }
        req.find(NeutronKind.SECURITY_GROUP, groupId);
        if (prefix != null && remoteGroup != null) {
            throw new NeutronError(400, "SecurityGroupRemoteGroupAndRemoteIpPrefix",
                    "Only remote_ip_prefix or remote_group_id may be provided.");
        }
        if (remoteGroup != null) {
            req.find(NeutronKind.SECURITY_GROUP, remoteGroup);
        }
        new PortRangeCheck(number, min, max).check();
        JsonObject rule = NeutronDocuments.rule(NeutronRequest.newId(), groupId, req.projectId(), direction,
                ethertype, remoteGroup, req.now())
                .put("protocol", protocol).put("port_range_min", min).put("port_range_max", max)
                .put("remote_ip_prefix", prefix).put("description", body.string("description", 255, ""));
        for (JsonObject other : req.store().all(kind())) {
            if (same(rule, other)) {
                throw NeutronError.conflict("SecurityGroupRuleExists", "Security group rule already exists. Rule id is "
                        + other.getString("id") + ".");
            }
        }
        req.store().put(kind(), rule);
        return rule;
    }

    private static boolean same(JsonObject a, JsonObject b) {
        for (String key : new String[] {"security_group_id", "direction", "ethertype", "port_range_min",
                "port_range_max", "remote_group_id"}) {
            if (!Objects.equals(a.getValue(key), b.getValue(key))) {
                return false;
            }
        }
        return Objects.equals(RuleProtocols.number(a.getString("protocol")),
                        RuleProtocols.number(b.getString("protocol")))
                && Objects.equals(normal(a.getString("remote_ip_prefix")), normal(b.getString("remote_ip_prefix")));
    }

    private static String normal(String prefix) {
        return prefix == null ? null : Ipv4Cidr.parse(prefix).map(Ipv4Cidr::toString).orElse(prefix);
    }

    private static Integer port(Attributes body, String key) {
        Object value = body.raw(key);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        if (text.matches("-?\\d{1,9}")) {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        }
        throw new NeutronError(400, "SecurityGroupInvalidPortValue", "Invalid value for port " + text + ".");
    }

    /** The prefix as CIDR ({@code 1.2.3.4} becomes {@code 1.2.3.4/32}), which must suit the ethertype. */
    private static String prefix(String text, String ethertype) {
        if (text == null) {
            return null;
        }
        if (text.contains(":")) {
            if ("IPv4".equals(ethertype)) {
                throw conflictingEthertype(ethertype, text);
            }
            if (!text.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
                throw invalidCidr(text);
            }
            return text.contains("/") ? text : text + "/128";
        }
        if (Ipv4Cidr.parse(text).isEmpty()) {
            throw invalidCidr(text);
        }
        if ("IPv6".equals(ethertype)) {
            throw conflictingEthertype(ethertype, text);
        }
        return text.contains("/") ? text : text + "/32";
    }

    private static NeutronError invalidCidr(String text) {
        return new NeutronError(400, "InvalidCIDR", "Invalid CIDR " + text + " given as IP prefix.");
    }

    private static NeutronError conflictingEthertype(String ethertype, String prefix) {
        return new NeutronError(400, "SecurityGroupRuleParameterConflict", "Conflicting value ethertype "
                + ethertype + " for CIDR " + prefix);
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        throw new NeutronError(405, "HTTPMethodNotAllowed", "Updating a security group rule is not supported.");
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        req.store().remove(kind(), doc.getString("id"));
    }
}
