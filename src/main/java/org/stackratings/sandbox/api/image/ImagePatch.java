package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * The body of {@code PATCH /v2/images/{id}}: a list of JSON patch operations ({@code add}, {@code remove},
 * {@code replace}) in one of Glance's two media types. {@code application/openstack-images-v2.1-json-patch} writes
 * {@code {"op": "add", "path": "/x", "value": ...}} (RFC 6902) and lets {@code add} replace an attribute;
 * {@code application/openstack-images-v2.0-json-patch} writes {@code {"add": "/x", "value": ...}} and refuses to add
 * one that is present.
 */
record ImagePatch(List<Change> changes, boolean addReplaces) {

    static final String V21 = "application/openstack-images-v2.1-json-patch";
    static final String V20 = "application/openstack-images-v2.0-json-patch";
    private static final List<String> OPERATIONS = List.of("add", "remove", "replace");
    private static final Pattern ADJACENT_SLASHES = Pattern.compile("/\\s*?/");
    private static final Pattern BAD_ESCAPE = Pattern.compile("~[^01]");

    /** One operation on one attribute ({@code path} is the attribute's name); {@code value} null for remove. */
    record Change(String op, String attribute, Object value) {
    }

    static ImagePatch parse(ApiRequest req) {
        String type = req.header("Content-Type") == null ? "" : req.header("Content-Type").split(";")[0].trim();
        if (!type.equals(V21) && !type.equals(V20)) {
            req.putHeader("Accept-Patch", V20 + ", " + V21);
            throw new GlanceRefusal(415, "The request has media type " + type + " which is not supported by the "
                    + "server or by the action.");
        }
        boolean rfc = type.equals(V21);
        if (!(ImageCreateRequest.decoded(req) instanceof JsonArray body)) {
            throw GlanceRefusal.badRequest("Request body must be a JSON array of operation objects.");
        }
        List<Change> changes = new ArrayList<>();
        for (Object raw : body) {
            if (!(raw instanceof JsonObject operation)) {
                throw GlanceRefusal.badRequest("Operations must be JSON objects.");
            }
            String op = rfc ? rfcOperation(operation) : keyedOperation(operation);
            Object path = rfc ? operation.getValue("path") : operation.getValue(op);
            if (path == null && rfc) {
                throw GlanceRefusal.badRequest("Unable to find 'path' in JSON Schema change");
            }
            List<String> pointer = pointer(String.valueOf(path));
            if (pointer.size() != 1) {
                throw GlanceRefusal.badRequest("Invalid JSON pointer for this resource: '/"
                        + String.join("/", pointer) + "'");
            }
            String attribute = pointer.get(0);
            Object value = null;
            if (!op.equals("remove")) {
                if (!operation.containsKey("value")) {
                    throw GlanceRefusal.badRequest("Operation \"" + op + "\" requires a member named \"value\".");
                }
                value = operation.getValue("value");
            }
            String refusal = ImageFields.forbidden(attribute);
            if (refusal != null) {
                throw GlanceRefusal.forbidden(refusal);
            }
            if (!op.equals("remove") && !attribute.equals("owner") && !attribute.equals("locations")) {
                ImageFields.check(attribute, value);
            }
            changes.add(new Change(op, attribute, value));
        }
        return new ImagePatch(changes, rfc);
    }

    private static String rfcOperation(JsonObject operation) {
        Object op = operation.getValue("op");
        if (op == null) {
            throw GlanceRefusal.badRequest("Unable to find `op` in JSON Schema change. It must be one of the "
                    + "following: add, remove, replace.");
        }
        if (!OPERATIONS.contains(op)) {
            throw GlanceRefusal.badRequest("Invalid operation: `" + op + "`. It must be one of the following: "
                    + "add, remove, replace.");
        }
        return (String) op;
    }

    private static String keyedOperation(JsonObject operation) {
        List<String> ops = OPERATIONS.stream().filter(operation::containsKey).toList();
        if (ops.size() > 1) {
            throw GlanceRefusal.badRequest("Operation objects must contain only one member named \"add\", "
                    + "\"remove\", or \"replace\".");
        }
        if (ops.isEmpty()) {
            throw GlanceRefusal.badRequest("Operation objects must contain exactly one member named \"add\", "
                    + "\"remove\", or \"replace\".");
        }
        return ops.get(0);
    }

    /** The tokens of a JSON pointer, with Glance's refusals of the forms it does not accept. */
    private static List<String> pointer(String pointer) {
        if (!pointer.startsWith("/")) {
            throw GlanceRefusal.badRequest("Pointer `" + pointer + "` does not start with \"/\".");
        }
        if (ADJACENT_SLASHES.matcher(pointer.substring(1)).find()) {
            throw GlanceRefusal.badRequest("Pointer `" + pointer + "` contains adjacent \"/\".");
        }
        if (pointer.length() > 1 && pointer.endsWith("/")) {
            throw GlanceRefusal.badRequest("Pointer `" + pointer + "` end with \"/\".");
        }
        if (pointer.substring(1).isBlank()) {
            throw GlanceRefusal.badRequest("Pointer `" + pointer + "` does not contains valid token.");
        }
        if (BAD_ESCAPE.matcher(pointer).find() || pointer.endsWith("~")) {
            throw GlanceRefusal.badRequest("Pointer `" + pointer + "` contains \"~\" not part of a recognized "
                    + "escape sequence.");
        }
        List<String> tokens = new ArrayList<>();
        for (String part : pointer.substring(1).split("/")) {
            tokens.add(part.replace("~1", "/").replace("~0", "~").strip());
        }
        return tokens;
    }

    /** The attributes Glance's image object has (the others are extra properties). */
    static final Set<String> ATTRIBUTES = Set.of("name", "visibility", "protected", "os_hidden", "disk_format",
            "container_format", "min_disk", "min_ram", "tags", "owner", "locations");

    /** Applies the changes to {@code base} and {@code properties} (both changed in place), as Glance's controller. */
    void apply(Map<String, Object> base, Map<String, String> properties, String status) {
        for (Change change : changes) {
            String attribute = change.attribute();
            boolean isBase = ATTRIBUTES.contains(attribute);
            switch (change.op()) {
                case "remove" -> {
                    if (isBase) {
                        throw GlanceRefusal.forbidden("Property " + attribute + " may not be removed.");
                    }
                    if (properties.remove(attribute) == null) {
                        throw new GlanceRefusal(409, "Property " + attribute + " does not exist.");
                    }
                }
                case "add" -> {
                    if (!addReplaces && (isBase || properties.containsKey(attribute))) {
                        throw new GlanceRefusal(409, "Property " + attribute + " already present.");
                    }
                    write(base, properties, change, status);
                }
                default -> {
                    if (!isBase && !properties.containsKey(attribute)) {
                        throw new GlanceRefusal(409, "Property " + attribute + " does not exist.");
                    }
                    write(base, properties, change, status);
                }
            }
        }
    }

    private static void write(Map<String, Object> base, Map<String, String> properties, Change change,
            String status) {
        String attribute = change.attribute();
        Object value = change.value();
        switch (attribute) {
            case "owner" -> throw GlanceRefusal.forbidden("Owner can't be updated by non admin.");
            case "locations" -> throw GlanceRefusal.forbidden(
                    "You are not authorized to complete set_image_location action.");
            case "visibility" -> {
                if ("public".equals(value) && !"public".equals(base.get(attribute))) {
                    throw GlanceRefusal.forbidden("You are not authorized to complete publicize_image action.");
                }
            }
            case "disk_format", "container_format" -> {
                if (!"queued".equals(status) && !Objects.equals(value, base.get(attribute))) {
                    throw GlanceRefusal.forbidden("Attribute " + attribute
                            + " can be only replaced for a queued image.");
                }
            }
            default -> {
            }
        }
        if (ATTRIBUTES.contains(attribute)) {
            base.put(attribute, value);
        } else if (value == null) {
            properties.remove(attribute);
        } else {
            properties.put(attribute, (String) value);
        }
    }
}
