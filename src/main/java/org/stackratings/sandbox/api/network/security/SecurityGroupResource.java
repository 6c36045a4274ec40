package org.stackratings.sandbox.api.network.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's security groups: a new one allows all egress (IPv4 and IPv6); none but the project's own may be called
 * {@code default}, which cannot be renamed or deleted; a group used by a port cannot be deleted.
 */
public final class SecurityGroupResource implements NeutronResource {

    private static final Set<String> CREATE = Set.of("name", "description", "stateful", "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "description", "stateful");
    private static final Set<String> KNOWN = Set.of("id", "security_group_rules", "tenant_id", "project_id", "tags",
            "created_at", "updated_at", "revision_number", "shared");

    @Override
    public NeutronKind kind() {
        return NeutronKind.SECURITY_GROUP;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        String name = body.string("name", 255, "");
        notDefault(name);
        String id = NeutronRequest.newId();
        JsonObject doc = NeutronDocuments.securityGroup(id, name, body.string("description", 255, ""),
                req.projectId(), req.now()).put("stateful", body.bool("stateful", true));
        req.store().put(kind(), doc);
        for (String ethertype : new String[] {"IPv4", "IPv6"}) {
            req.store().put(NeutronKind.SECURITY_GROUP_RULE, NeutronDocuments.rule(NeutronRequest.newId(), id,
                    req.projectId(), "egress", ethertype, null, req.now()));
        }
        return doc;
    }

    private static void notDefault(String name) {
        if ("default".equals(name)) {
            throw NeutronError.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        body.allowOnly(UPDATE, KNOWN);
        if (body.has("name")) {
            String name = body.string("name", 255, "");
            if ("default".equals(doc.getString("name")) && !"default".equals(name)) {
                throw NeutronError.conflict("SecurityGroupCannotUpdateDefault",
                        "Updating default security group not allowed.");
            }
            if (!"default".equals(doc.getString("name"))) {
                notDefault(name);
            }
            doc.put("name", name);
        }
        doc.put("description", body.string("description", 255, doc.getString("description")))
                .put("stateful", body.bool("stateful", doc.getBoolean("stateful")));
        return req.touched(doc);
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        String id = doc.getString("id");
        if ("default".equals(doc.getString("name"))) {
            throw NeutronError.conflict("SecurityGroupCannotRemoveDefault",
                    "Insufficient rights for removing default security group.");
        }
        boolean used = req.store().all(NeutronKind.PORT).stream()
                .anyMatch(p -> p.getJsonArray("security_groups", new JsonArray()).contains(id));
        if (used) {
            throw NeutronError.conflict("SecurityGroupInUse", "Security Group " + id + " in use.");
        }
        req.store().all(NeutronKind.SECURITY_GROUP_RULE).stream()
                .filter(r -> id.equals(r.getString("security_group_id")) || id.equals(r.getString("remote_group_id")))
                .forEach(r -> req.store().remove(NeutronKind.SECURITY_GROUP_RULE, r.getString("id")));
        req.store().remove(kind(), id);
    }

    @Override
    public JsonObject render(NeutronRequest req, JsonObject doc) {
        String id = doc.getString("id");
        return doc.copy().put("security_group_rules", new JsonArray(req.store().all(NeutronKind.SECURITY_GROUP_RULE)
                .stream().filter(r -> id.equals(r.getString("security_group_id"))).map(JsonObject::copy).toList()));
    }
}
