package org.stackratings.compliance.conformance.checks.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * The Neutron resources a check makes: each named for its role, with the run's tag ({@link RunMarker#tag()}) as its
 * description and, right after it is created, as a Neutron tag; each in the run's ledger at once. It deletes them
 * too (204, then a GET answers 404, then out of the ledger). Its static methods are the calls and readings of Neutron
 * documents the network check groups share.
 */
final class NeutronResources {

    /** A Neutron collection the run creates in: its path under {@code /v2.0}, its JSON keys, its ledger kind. */
    enum Collection {
        NETWORKS("networks", "network", "networks", ResourceKind.NETWORK),
        SUBNETS("subnets", "subnet", "subnets", ResourceKind.SUBNET),
        PORTS("ports", "port", "ports", ResourceKind.PORT),
        ROUTERS("routers", "router", "routers", ResourceKind.ROUTER),
        SECURITY_GROUPS("security-groups", "security_group", "security_groups", ResourceKind.SECURITY_GROUP),
        SUBNET_POOLS("subnetpools", "subnetpool", "subnetpools", ResourceKind.SUBNET_POOL);

        final String path;
        final String plural;
        final String key;
        final ResourceKind kind;

        Collection(String path, String key, String plural, ResourceKind kind) {
            this.path = "/v2.0/" + path;
            this.plural = plural;
            this.key = key;
            this.kind = kind;
        }

        /** The path of one resource of the collection. */
        String of(String id) {
            return path + "/" + id;
        }
    }

    private final CheckContext context;

    NeutronResources(CheckContext context) {
        this.context = context;
    }

    /**
     * Creates one resource of {@code collection} with {@code attributes} (its name and description are set here);
     * returns its document, which has an id.
     */
    JsonNode create(Collection collection, String role, ObjectNode attributes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(collection.key, marked(attributes, role));
        JsonNode doc = context.expectJson(ApiCall.of(CloudService.NETWORK, "POST", collection.path, body.toString()),
                "the " + collection.key + " is created", 201).path(collection.key);
        String id = doc.path("id").asText("");
        context.require(!id.isEmpty(), "the answer names no " + collection.key + " id");
        context.ledger().add(collection.kind, id);
        context.require(context.marker().name(role).equals(doc.path("name").asText()),
                "the " + collection.key + " does not have the name it was created with");
        tag(collection, id);
        return doc;
    }

    /** Creates several resources of {@code collection} in one bulk request; returns their documents, in order. */
    List<JsonNode> createBulk(Collection collection, List<String> roles, List<ObjectNode> attributes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < roles.size(); i++) {
            body.withArray(collection.plural).add(marked(attributes.get(i), roles.get(i)));
        }
        JsonNode docs = context.expectJson(ApiCall.of(CloudService.NETWORK, "POST", collection.path, body.toString()),
                "the " + roles.size() + " " + collection.key + "s are created at once", 201)
                .path(collection.plural);
        List<JsonNode> created = new ArrayList<>();
        docs.forEach(doc -> {
            String id = doc.path("id").asText("");
            if (!id.isEmpty()) {
                context.ledger().add(collection.kind, id);
                created.add(doc);
            }
        });
        context.require(created.size() == roles.size(), "the bulk create answers " + created.size() + " "
                + collection.key + "s with an id, not " + roles.size());
        for (JsonNode doc : created) {
            tag(collection, doc.path("id").asText());
        }
        return created;
    }

    /** Deletes a resource the check made: 204, then its GET answers 404. */
    void delete(Collection collection, String id) {
        context.expect(ApiCall.of(CloudService.NETWORK, "DELETE", collection.of(id), null),
                "the " + collection.key + " is deleted", 204);
        context.expect(ApiCall.get(CloudService.NETWORK, collection.of(id)), "the deleted " + collection.key
                + " is gone", 404);
        context.ledger().deleted(collection.kind, id);
    }

    /** The run's tag on the resource (the second run mark with its description; a cloud without tags answers 404). */
    private void tag(Collection collection, String id) {
        context.expect(ApiCall.of(CloudService.NETWORK, "PUT", collection.of(id) + "/tags/" + context.marker().tag(),
                null), "the run's tag is added (or, 404, the cloud has no tags)", 201, 204, 404);
    }

    private ObjectNode marked(ObjectNode attributes, String role) {
        return attributes.put("name", context.marker().name(role)).put("description", context.marker().tag());
    }

    static JsonNode update(CheckContext c, NeutronResources.Collection collection, String id,
                                   ObjectNode changes) {
        return c.expectJson(put(collection.of(id), collection.key, changes), "the " + collection.key + " is updated",
                200).path(collection.key);
    }

    /** A PUT of {@code {key: changes}}, or of {@code changes} itself when {@code key} is null. */
    static ApiCall put(String path, String key, ObjectNode changes) {
        ObjectNode body = changes;
        if (key != null) {
            body = object();
            body.set(key, changes);
        }
        return ApiCall.of(CloudService.NETWORK, "PUT", path, body.toString());
    }

    static ApiCall get(String path) {
        return ApiCall.get(CloudService.NETWORK, path);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String id(JsonNode doc) {
        return doc.path("id").asText();
    }

    /** The element of a list whose id is {@code id}, or null. */
    static JsonNode find(JsonNode list, String id) {
        for (JsonNode element : list) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        return null;
    }

    static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }
}
