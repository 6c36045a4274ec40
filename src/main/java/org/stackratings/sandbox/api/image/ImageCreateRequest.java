package org.stackratings.sandbox.api.image;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.image.ImageAttributes;
import org.stackratings.sandbox.state.image.ImageLimits;

/**
 * The body of {@code POST /v2/images}, checked as Glance checks it: the id (given or drawn) and the attributes of the
 * new image, its visibility {@code shared} unless given.
 */
record ImageCreateRequest(String id, ImageAttributes attributes) {

    static ImageCreateRequest parse(ApiRequest req, ImageAccess access, ImageLimits limits) {
        JsonObject body = object(req);
        for (String key : body.fieldNames()) {
            String refusal = key.equals("owner") || key.equals("id") ? null
                    : key.equals("locations") ? "Attribute 'locations' is reserved." : ImageFields.forbidden(key);
            if (refusal != null) {
                throw GlanceRefusal.forbidden(refusal);
            }
        }
        Object owner = body.getValue("owner");
        if (owner != null && !owner.equals(access.project())) {
            throw GlanceRefusal.forbidden("You are not permitted to create images owned by '" + owner + "'.");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : body.fieldNames()) {
            if (!key.equals("id") && !key.equals("owner")) {
                ImageFields.check(key, body.getValue(key));
                if (!ImageFields.BASE.contains(key) && body.getValue(key) != null) {
                    properties.put(key, body.getString(key));
                }
            }
        }
        String id = id(body.getValue("id"));
        String visibility = body.getString("visibility", "shared");
        if (visibility.equals("public")) {
            throw GlanceRefusal.forbidden("You are not authorized to complete publicize_image action.");
        }
        List<String> tags = new ArrayList<>();
        body.getJsonArray("tags", new JsonArray()).forEach(t -> tags.add((String) t));
        ImageQuotas.checkTags(tags.stream().distinct().count(), limits);
        ImageQuotas.checkProperties(properties.size(), limits);
        ImageAttributes attributes = new ImageAttributes(body.getString("name"), visibility,
                body.getBoolean("protected", false), body.getBoolean("os_hidden", false),
                body.getString("disk_format"), body.getString("container_format"), body.getInteger("min_disk", 0),
                body.getInteger("min_ram", 0), tags, properties);
        return new ImageCreateRequest(id, attributes);
    }

    private static String id(Object value) {
        if (value == null) {
            return UUID.randomUUID().toString();
        }
        if (!(value instanceof String s) || !ImageFields.UUID.matcher(s).matches()) {
            throw GlanceRefusal.badRequest("Provided object does not match schema 'image': '" + value
                    + "' does not match '" + ImageFields.UUID.pattern() + "'");
        }
        return s.toLowerCase();
    }

    /** The request body as a JSON object; Glance's 400 when there is none or it is no JSON object. */
    static JsonObject object(ApiRequest req) {
        Object decoded = decoded(req);
        if (!(decoded instanceof JsonObject o)) {
            throw GlanceRefusal.badRequest("Provided object does not match schema 'image': " + decoded
                    + " is not of type 'object'");
        }
        return o;
    }

    /** The request body decoded from JSON; Glance's 400 when it is missing or malformed. */
    static Object decoded(ApiRequest req) {
        var buffer = req.context().body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw GlanceRefusal.badRequest("Body expected in request.");
        }
        try {
            return Json.decodeValue(buffer);
        } catch (DecodeException e) {
            throw GlanceRefusal.badRequest("Malformed JSON in request body.");
        }
    }
}
