package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's ports: fixed IPs from the network's subnets, a MAC address unique on the network, security groups (the
 * project's {@code default} unless given), port security, allowed address pairs and extra DHCP options. Router
 * interface ports go with their router interface, not through this API.
 */
public final class PortResource implements NeutronResource {

    /** Neutron's device owner of a router's interface port. */
    public static final String ROUTER_INTERFACE = "network:router_interface";
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
    private static final Set<String> CREATE = Set.of("network_id", "name", "admin_state_up", "mac_address",
            "fixed_ips", "device_id", "device_owner", "security_groups", "allowed_address_pairs", "extra_dhcp_opts",
            "port_security_enabled", "description", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "admin_state_up", "fixed_ips", "device_id",
            "device_owner", "security_groups", "allowed_address_pairs", "extra_dhcp_opts", "port_security_enabled",
            "description");
    private static final Set<String> KNOWN = Set.of("id", "network_id", "mac_address", "status", "tenant_id",
            "project_id", "tags", "created_at", "updated_at", "revision_number");

    private static final Random RANDOM = new Random();
    private final PortOptions options = new PortOptions();

    @Override
    public NeutronKind kind() {
        return NeutronKind.PORT;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        JsonObject network = NetworkResource.parent(req, body, "create_port");
        String networkId = network.getString("id");
        String owner = body.string("device_owner", 255, "");
        memberOwner(owner);
        String mac = body.has("mac_address") ? mac(req, networkId, String.valueOf(body.raw("mac_address"))) : newMac(req, networkId);
        JsonArray fixedIps = FixedIps.resolve(req, networkId, body.has("fixed_ips") ? body.objects("fixed_ips") : null,
                null);
        boolean security = body.bool("port_security_enabled", network.getBoolean("port_security_enabled", true));
        JsonArray groups = body.has("security_groups") ? options.securityGroups(req, body.list("security_groups", null))
                : security ? new JsonArray().add(PortOptions.defaultGroup(req)) : new JsonArray();
        JsonArray pairs = options.addressPairs(body.objects("allowed_address_pairs"), mac);
        options.checkSecurity(security, groups, pairs, false);
        JsonObject doc = NeutronDocuments.standard(NeutronRequest.newId(), body.string("name", 255, ""),
                req.projectId(), req.now())
                .put("network_id", networkId).put("mac_address", mac)
                .put("admin_state_up", body.bool("admin_state_up", true)).put("status", "DOWN")
                .put("fixed_ips", fixedIps).put("device_id", body.string("device_id", 255, ""))
                .put("device_owner", owner).put("security_groups", groups)
                .put("port_security_enabled", security).put("allowed_address_pairs", pairs)
                .put("extra_dhcp_opts", options.dhcpOptions(body.objects("extra_dhcp_opts"), new JsonArray()))
                .put("description", body.string("description", 255, ""));
        req.store().put(kind(), doc);
        return doc;
    }

    private static void memberOwner(String owner) {
        if (owner.startsWith("network:")) {
            throw NeutronError.forbidden("(rule:create_port and rule:create_port:device_owner) is disallowed by policy");
        }
    }

    private static String mac(NeutronRequest req, String networkId, String mac) {
        if (!MAC.matcher(mac).matches()) {
            throw Attributes.invalid("mac_address", "'" + mac + "' is not a valid MAC address");
        }
        String normal = mac.toLowerCase();
        if (macInUse(req, networkId, normal)) {
            throw NeutronError.conflict("MacAddressInUse", "Unable to complete operation for network " + networkId
                    + ". The mac address " + normal + " is in use.");
        }
        return normal;
    }

    private static boolean macInUse(NeutronRequest req, String networkId, String mac) {
        return req.store().all(NeutronKind.PORT).stream()
                .anyMatch(p -> networkId.equals(p.getString("network_id")) && mac.equals(p.getString("mac_address")));
    }

    private static String newMac(NeutronRequest req, String networkId) {
        while (true) {
            String mac = String.format("fa:16:3e:%02x:%02x:%02x", RANDOM.nextInt(256), RANDOM.nextInt(256),
                    RANDOM.nextInt(256));
            if (!macInUse(req, networkId, mac)) {
                return mac;
            }
        }
    }

    /**
     * Stores a port that Neutron itself makes for a device (a router's interface or gateway, a floating IP), owned
     * by {@code projectId} (the empty project hides it from members, as Neutron's gateway ports are).
     */
    public static JsonObject devicePort(NeutronRequest req, String networkId, String projectId, String owner,
            String deviceId, JsonArray fixedIps) {
        JsonObject doc = NeutronDocuments.standard(NeutronRequest.newId(), "", projectId, req.now())
                .put("network_id", networkId).put("mac_address", newMac(req, networkId))
                .put("admin_state_up", true).put("status", "ACTIVE").put("fixed_ips", fixedIps)
                .put("device_id", deviceId).put("device_owner", owner).put("security_groups", new JsonArray())
                .put("port_security_enabled", false).put("allowed_address_pairs", new JsonArray())
                .put("extra_dhcp_opts", new JsonArray());
        req.store().put(NeutronKind.PORT, doc);
        return doc;
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        body.allowOnly(UPDATE, KNOWN);
        boolean routerPort = ROUTER_INTERFACE.equals(doc.getString("device_owner"));
        if (body.has("device_owner") && !routerPort) {
            memberOwner(body.string("device_owner", 255, ""));
        }
        JsonArray fixedIps = body.has("fixed_ips")
                ? FixedIps.resolve(req, doc.getString("network_id"), body.objects("fixed_ips"),
                        doc.getJsonArray("fixed_ips"))
                : doc.getJsonArray("fixed_ips");
        boolean security = body.bool("port_security_enabled", doc.getBoolean("port_security_enabled"));
        JsonArray groups = body.has("security_groups") ? options.securityGroups(req, body.list("security_groups", null))
                : doc.getJsonArray("security_groups");
        JsonArray pairs = body.has("allowed_address_pairs")
                ? options.addressPairs(body.objects("allowed_address_pairs"), doc.getString("mac_address"))
                : doc.getJsonArray("allowed_address_pairs");
        options.checkSecurity(security, groups, pairs, true);
        doc.put("name", body.string("name", 255, doc.getString("name")))
                .put("description", body.string("description", 255, doc.getString("description")))
                .put("admin_state_up", body.bool("admin_state_up", doc.getBoolean("admin_state_up")))
                .put("device_id", body.string("device_id", 255, doc.getString("device_id")))
                .put("device_owner", body.string("device_owner", 255, doc.getString("device_owner")))
                .put("fixed_ips", fixedIps).put("port_security_enabled", security).put("security_groups", groups)
                .put("allowed_address_pairs", pairs)
                .put("extra_dhcp_opts", options.dhcpOptions(body.objects("extra_dhcp_opts"),
                        doc.getJsonArray("extra_dhcp_opts")));
        return req.touched(doc);
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        String owner = doc.getString("device_owner");
        if (ROUTER_INTERFACE.equals(owner)) {
            throw NeutronError.conflict("L3PortInUse", "Port " + doc.getString("id") + " cannot be deleted directly"
                    + " via the port API: has device owner " + owner + ".");
        }
        release(req, doc);
    }

    /** Removes a port and takes its floating IPs off it. */
    public static void release(NeutronRequest req, JsonObject port) {
        String id = port.getString("id");
        List<JsonObject> floating = req.store().all(NeutronKind.FLOATINGIP).stream()
                .filter(f -> id.equals(f.getString("port_id"))).toList();
        for (JsonObject f : floating) {
            f.putNull("port_id").putNull("fixed_ip_address").putNull("router_id").put("status", "DOWN");
            req.touched(f);
        }
        req.store().remove(NeutronKind.PORT, id);
    }
}
