package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's networks for a member: create (never shared nor external: those are the admin's), update, and delete
 * with its subnets unless a port is still on it.
 */
public final class NetworkResource implements NeutronResource {

    /** The MTU of a new tenant network (an overlay's). */
    static final int MTU = 1450;
    private static final Set<String> CREATE = Set.of("name", "admin_state_up", "shared", "router:external",
            "port_security_enabled", "description", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "admin_state_up", "shared", "router:external",
            "port_security_enabled", "description");
    private static final Set<String> KNOWN = Set.of("id", "status", "subnets", "mtu", "tags", "created_at",
            "updated_at", "revision_number", "tenant_id", "project_id", "ipv4_address_scope", "ipv6_address_scope");

    @Override
    public NeutronKind kind() {
        return NeutronKind.NETWORK;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        adminOnlyFlags(body);
        JsonObject doc = NeutronDocuments.network(NeutronRequest.newId(), body.string("name", 255, ""),
                req.projectId(), false, MTU, req.now())
                .put("admin_state_up", body.bool("admin_state_up", true))
                .put("port_security_enabled", body.bool("port_security_enabled", true))
                .put("description", body.string("description", 255, ""));
        req.store().put(kind(), doc);
        return doc;
    }

    private static void adminOnlyFlags(Attributes body) {
        if (body.bool("shared", false)) {
            throw NeutronError.forbidden("(rule:create_network and rule:create_network:shared) is disallowed by policy");
        }
        if (body.bool("router:external", false)) {
            throw NeutronError.forbidden(
                    "(rule:create_network and rule:create_network:router:external) is disallowed by policy");
        }
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        owned(req, doc, "update_network");
        body.allowOnly(UPDATE, KNOWN);
        adminOnlyFlags(body);
        doc.put("name", body.string("name", 255, doc.getString("name")))
                .put("admin_state_up", body.bool("admin_state_up", doc.getBoolean("admin_state_up")))
                .put("port_security_enabled", body.bool("port_security_enabled",
                        doc.getBoolean("port_security_enabled")))
                .put("description", body.string("description", 255, doc.getString("description")));
        return req.touched(doc);
    }

    /** The network a new subnet or port names in {@code network_id}, if the project may use it for {@code action}. */
    static JsonObject parent(NeutronRequest req, Attributes body, String action) {
        JsonObject network = req.find(NeutronKind.NETWORK, String.valueOf(body.required("network_id")));
        owned(req, network, action);
        return network;
    }

    static void owned(NeutronRequest req, JsonObject network, String action) {
        if (!req.projectId().equals(network.getString("project_id"))) {
            throw NeutronError.forbidden("(rule:" + action + ") is disallowed by policy");
        }
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        owned(req, doc, "delete_network");
        String id = doc.getString("id");
        boolean inUse = req.store().all(NeutronKind.PORT).stream()
                .anyMatch(p -> id.equals(p.getString("network_id")) && !"network:dhcp".equals(p.getString("device_owner")));
        if (inUse) {
            throw NeutronError.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        req.store().all(NeutronKind.PORT).stream().filter(p -> id.equals(p.getString("network_id")))
                .forEach(p -> req.store().remove(NeutronKind.PORT, p.getString("id")));
        req.store().all(NeutronKind.SUBNET).stream().filter(s -> id.equals(s.getString("network_id")))
                .forEach(s -> req.store().remove(NeutronKind.SUBNET, s.getString("id")));
        req.store().remove(NeutronKind.NETWORK, id);
    }
}
