package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronKind;

/** The security attributes of a port and its DHCP options, validated as Neutron's extensions do. */
final class PortOptions {

    /** The id of the project's {@code default} security group. */
    static String defaultGroup(NeutronRequest req) {
        return req.store().all(NeutronKind.SECURITY_GROUP).stream()
                .filter(g -> req.projectId().equals(g.getString("project_id")) && "default".equals(g.getString("name")))
                .map(g -> g.getString("id")).findFirst()
                .orElseThrow(() -> NeutronError.notFound(NeutronKind.SECURITY_GROUP, "default"));
    }

    JsonArray securityGroups(NeutronRequest req, JsonArray requested) {
        JsonArray groups = new JsonArray();
        for (Object o : requested == null ? new JsonArray() : requested) {
            String id = String.valueOf(o);
            req.find(NeutronKind.SECURITY_GROUP, id);
            if (!groups.contains(id)) {
                groups.add(id);
            }
        }
        return groups;
    }

    JsonArray addressPairs(List<JsonObject> requested, String portMac) {
        JsonArray pairs = new JsonArray();
        Set<String> seen = new HashSet<>();
        for (JsonObject pair : requested) {
            String ip = pair.getString("ip_address");
            if (ip == null) {
                throw new NeutronError(400, "AllowedAddressPairsMissingIP", "AllowedAddressPair must contain ip_address");
            }
            if (Ipv4Cidr.parse(ip).isEmpty()) {
                throw Attributes.invalid("allowed_address_pairs", "'" + ip + "' is not a valid IP address");
            }
            String mac = pair.getString("mac_address", portMac);
            if (!seen.add(ip + "|" + mac)) {
                throw new NeutronError(400, "DuplicateAddressPairInRequest", "Request contains duplicate address pair:"
                        + " mac_address " + mac + " ip_address " + ip + ".");
            }
            pairs.add(new JsonObject().put("ip_address", ip).put("mac_address", mac));
        }
        return pairs;
    }

    void checkSecurity(boolean security, JsonArray groups, JsonArray pairs, boolean update) {
        if (!security && !groups.isEmpty()) {
            if (update) {
                throw NeutronError.conflict("PortSecurityPortHasSecurityGroup", "Port has security group associated."
                        + " Cannot disable port security or ip address until security group is removed.");
            }
            throw new NeutronError(400, "PortSecurityAndIPRequiredForSecurityGroups", "Port security must be enabled"
                    + " and port must have an IP address in order to use security groups.");
        }
        if (!security && !pairs.isEmpty()) {
            throw NeutronError.conflict("AddressPairAndPortSecurityRequired", "Port Security must be enabled in order"
                    + " to have allowed address pairs on a port.");
        }
    }

    /** The options after a request: named ones replaced, a null value removing one, new ones added. */
    JsonArray dhcpOptions(List<JsonObject> requested, JsonArray current) {
        Map<String, JsonObject> options = new LinkedHashMap<>();
        for (Object o : current) {
            JsonObject option = (JsonObject) o;
            options.put(option.getString("opt_name") + "|" + option.getInteger("ip_version"), option);
        }
        for (JsonObject option : requested) {
            String name = option.getString("opt_name");
            if (name == null || name.isBlank()) {
                throw Attributes.invalid("extra_dhcp_opts", "'" + option.encode() + "' is missing opt_name");
            }
            int version = Integer.parseInt(String.valueOf(option.getValue("ip_version", 4)));
            String key = name + "|" + version;
            Object value = option.getValue("opt_value");
            if (value == null) {
                options.remove(key);
            } else {
                options.put(key, new JsonObject().put("opt_name", name).put("opt_value", String.valueOf(value))
                        .put("ip_version", version));
            }
        }
        return new JsonArray(List.copyOf(options.values()));
    }
}
