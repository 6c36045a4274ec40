package org.stackratings.sandbox.api.image.schema;

import static org.stackratings.sandbox.api.image.schema.ImageSchemas.link;
import static org.stackratings.sandbox.api.image.schema.ImageSchemas.string;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * The schemas of Glance's metadata definitions catalog under {@code /v2/schemas/metadefs/}: namespace(s), object(s),
 * property/properties, tag(s) and resource type association(s), each entity and its list.
 */
final class MetadefSchemas {

    void register(ServiceRoutes routes) {
        String base = "/v2/schemas/metadefs/";
        routes.get(base + "namespace", req -> req.ok(namespace()));
        routes.get(base + "namespaces", req -> req.ok(list("namespaces", namespace())));
        routes.get(base + "object", req -> req.ok(object()));
        routes.get(base + "objects", req -> req.ok(list("objects", object())));
        routes.get(base + "property", req -> req.ok(property()));
        routes.get(base + "properties", req -> req.ok(properties()));
        routes.get(base + "tag", req -> req.ok(tag()));
        routes.get(base + "tags", req -> req.ok(list("tags", tag())));
        routes.get(base + "resource_type", req -> req.ok(resourceType()));
        routes.get(base + "resource_types", req -> req.ok(list("resource_type_associations", resourceType())));
    }

    private static JsonObject time(String description) {
        return string().put("format", "date-time").put("readOnly", true).put("description", description);
    }

    private static JsonObject entity(String name, JsonObject properties, String... required) {
        return new JsonObject().put("name", name).put("properties", properties)
                .put("required", new JsonArray(java.util.List.of(required))).put("additionalProperties", false);
    }

    private static JsonObject list(String name, JsonObject item) {
        return new JsonObject().put("name", name)
                .put("properties", new JsonObject()
                        .put(name, new JsonObject().put("type", "array").put("items", item))
                        .put("first", string()).put("next", string()).put("schema", string()))
                .put("links", new JsonArray().add(link("first", "{first}")).add(link("next", "{next}"))
                        .add(link("describedby", "{schema}")));
    }

    private static JsonObject resourceType() {
        return entity("resource_type_association", new JsonObject()
                .put("name", string().put("maxLength", 80).put("description", "Resource type names should be "
                        + "aligned with Heat resource types whenever possible: "
                        + "https://docs.openstack.org/heat/latest/template_guide/openstack.html"))
                .put("prefix", string().put("maxLength", 80).put("description", "Specifies the prefix to use for "
                        + "the given resource type. Any properties in the namespace should be prefixed with this "
                        + "prefix when being applied to the specified resource type."))
                .put("properties_target", string().put("maxLength", 80).put("description", "Some resource types "
                        + "allow more than one key / value pair per instance."))
                .put("created_at", time("Date and time of resource type association"))
                .put("updated_at", time("Date and time of the last resource type association modification")),
                "name");
    }

    private static JsonObject property() {
        JsonObject types = string().put("enum", new JsonArray().add("array").add("boolean").add("integer")
                .add("number").add("object").add("string").addNull());
        JsonObject p = new JsonObject()
                .put("name", string().put("maxLength", 255))
                .put("title", string())
                .put("description", string())
                .put("operators", new JsonObject().put("type", "array").put("items", string()))
                .put("type", types)
                .put("required", new JsonObject().put("type", "array").put("items", string()))
                .put("minimum", new JsonObject().put("type", "number"))
                .put("maximum", new JsonObject().put("type", "number"))
                .put("maxLength", new JsonObject().put("type", "integer").put("minimum", 0))
                .put("minLength", new JsonObject().put("type", "integer").put("minimum", 0).put("default", 0))
                .put("pattern", string().put("format", "regex"))
                .put("enum", new JsonObject().put("type", "array"))
                .put("readonly", new JsonObject().put("type", "boolean"))
                .put("default", new JsonObject())
                .put("items", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put("type", types.copy()).put("enum", new JsonObject().put("type", "array"))))
                .put("maxItems", new JsonObject().put("type", "integer").put("minimum", 0))
                .put("minItems", new JsonObject().put("type", "integer").put("minimum", 0).put("default", 0))
                .put("uniqueItems", new JsonObject().put("type", "boolean").put("default", false))
                .put("additionalItems", new JsonObject().put("type", "boolean"));
        return entity("property", p, "type", "title", "name");
    }

    private static JsonObject properties() {
        return new JsonObject().put("name", "properties")
                .put("properties", new JsonObject()
                        .put("properties", new JsonObject().put("type", "object")
                                .put("additionalProperties", property()))
                        .put("first", string()).put("next", string()).put("schema", string()))
                .put("links", new JsonArray().add(link("first", "{first}")).add(link("next", "{next}"))
                        .add(link("describedby", "{schema}")));
    }

    private static JsonObject object() {
        return entity("object", new JsonObject()
                .put("name", string().put("maxLength", 255))
                .put("description", string())
                .put("required", new JsonObject().put("type", "array").put("items", string()))
                .put("properties", new JsonObject().put("type", "object").put("additionalProperties", property()))
                .put("schema", string().put("readOnly", true))
                .put("self", string().put("readOnly", true))
                .put("created_at", time("Date and time of object creation"))
                .put("updated_at", time("Date and time of the last object modification")), "name");
    }

    private static JsonObject tag() {
        return entity("tag", new JsonObject()
                .put("name", string().put("maxLength", 255))
                .put("created_at", time("Date and time of tag creation"))
                .put("updated_at", time("Date and time of the last tag modification")), "name");
    }

    private static JsonObject namespace() {
        return entity("namespace", new JsonObject()
                .put("namespace", string().put("maxLength", 80).put("description", "The unique namespace text."))
                .put("display_name", string().put("maxLength", 80).put("description", "The user friendly name "
                        + "for the namespace. Used by UI if available."))
                .put("description", string().put("maxLength", 500).put("description", "Provides a user friendly "
                        + "description of the namespace."))
                .put("visibility", string().put("enum", new JsonArray().add("public").add("private"))
                        .put("description", "Scope of namespace accessibility."))
                .put("protected", new JsonObject().put("type", "boolean").put("description", "If true, namespace "
                        + "will not be deletable."))
                .put("owner", string().put("maxLength", 255).put("description", "Owner of the namespace."))
                .put("created_at", time("Date and time of namespace creation"))
                .put("updated_at", time("Date and time of the last namespace modification"))
                .put("schema", string().put("readOnly", true))
                .put("self", string().put("readOnly", true))
                .put("resource_type_associations", new JsonObject().put("type", "array").put("items", resourceType()))
                .put("properties", new JsonObject().put("type", "object").put("additionalProperties", property()))
                .put("objects", new JsonObject().put("type", "array").put("items", object()))
                .put("tags", new JsonObject().put("type", "array").put("items", tag())), "namespace");
    }
}
