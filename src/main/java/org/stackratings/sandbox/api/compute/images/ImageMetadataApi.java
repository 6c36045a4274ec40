package org.stackratings.sandbox.api.compute.images;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.image.ImageAttributes;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Nova's image metadata proxy up to microversion 2.38: the extra properties of a Glance image, listed, merged
 * ({@code POST}), replaced ({@code PUT}), one item shown, set or deleted; at most 128 items (Nova's
 * {@code metadata_items} quota, 403 beyond); only the image's owner changes them (Glance's 403 passed on).
 */
final class ImageMetadataApi {

    private static final int LAST_MINOR = 38;
    private static final int MAX_ITEMS = 128;
    private static final String NOT_OWNER = "You are not authorized to change the metadata of this image.";

    void register(ServiceRoutes routes, String image) {
        String metadata = image + "/metadata";
        routes.get(metadata, NovaRefusal.answering(this::list));
        routes.route(HttpMethod.POST, metadata, true, NovaRefusal.answering(req -> write(req, true)));
        routes.route(HttpMethod.PUT, metadata, true, NovaRefusal.answering(req -> write(req, false)));
        routes.get(metadata + "/:key", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.PUT, metadata + "/:key", true, NovaRefusal.answering(this::setItem));
        routes.route(HttpMethod.DELETE, metadata + "/:key", true, NovaRefusal.answering(this::delete));
    }

    private static StoredImage visible(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        return ProxiedImages.of(req).visible(req.param("image_id"));
    }

    private static StoredImage owned(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        return ProxiedImages.of(req).owned(req.param("image_id"), NOT_OWNER);
    }

    private void list(ApiRequest req) {
        req.ok(new JsonObject().put("metadata", ImageViews.metadata(visible(req))));
    }

    private void show(ApiRequest req) {
        String key = req.param("key");
        String value = visible(req).attributes().properties().get(key);
        if (value == null) {
            throw new NovaRefusal(404, "The resource could not be found.");
        }
        req.ok(new JsonObject().put("meta", new JsonObject().put(key, value)));
    }

    /** {@code POST} merges the items into the image's, {@code PUT} replaces them. */
    private void write(ApiRequest req, boolean merge) {
        Map<String, String> given = items(req, "metadata");
        StoredImage image = owned(req);
        Map<String, String> properties = new LinkedHashMap<>(merge ? image.attributes().properties() : Map.of());
        properties.putAll(given);
        StoredImage changed = store(req, image, properties);
        req.ok(new JsonObject().put("metadata", ImageViews.metadata(changed)));
    }

    private void setItem(ApiRequest req) {
        String key = req.param("key");
        Map<String, String> meta = items(req, "meta");
        if (!meta.containsKey(key)) {
            throw new NovaRefusal(400, "Request body and URI mismatch");
        }
        if (meta.size() > 1) {
            throw new NovaRefusal(400, "Request body contains too many items");
        }
        StoredImage image = owned(req);
        Map<String, String> properties = new LinkedHashMap<>(image.attributes().properties());
        properties.put(key, meta.get(key));
        store(req, image, properties);
        req.ok(new JsonObject().put("meta", new JsonObject().put(key, meta.get(key))));
    }

    private void delete(ApiRequest req) {
        String key = req.param("key");
        StoredImage image = owned(req);
        if (!image.attributes().properties().containsKey(key)) {
            throw new NovaRefusal(404, "Invalid metadata key");
        }
        Map<String, String> properties = new LinkedHashMap<>(image.attributes().properties());
        properties.remove(key);
        store(req, image, properties);
        req.reply(204, null);
    }

    private static StoredImage store(ApiRequest req, StoredImage image, Map<String, String> properties) {
        if (properties.size() > MAX_ITEMS) {
            throw new NovaRefusal(403, "Image metadata limit exceeded");
        }
        ImageAttributes a = image.attributes();
        ImageAttributes changed = new ImageAttributes(a.name(), a.visibility(), a.isProtected(), a.osHidden(),
                a.diskFormat(), a.containerFormat(), a.minDisk(), a.minRam(), a.tags(), properties);
        return req.cloud().images().update(image.id(), changed, req.now())
                .orElseThrow(() -> new NovaRefusal(404, "Image not found."));
    }

    /** The items of the body's {@code member}: keys of 1 to 255 characters, string values up to 255. */
    private static Map<String, String> items(ApiRequest req, String member) {
        JsonObject body = req.jsonBody();
        Object value = body == null ? null : body.getValue(member);
        if (!(value instanceof JsonObject items)) {
            throw new NovaRefusal(400, "Malformed request body");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : items.fieldNames()) {
            Object v = items.getValue(key);
            if (key.isEmpty() || key.length() > 255) {
                throw new NovaRefusal(400, "Invalid input for field/attribute " + member
                        + ". Value: " + value + ". Additional properties are not allowed");
            }
            if (!(v instanceof String s) || s.length() > 255) {
                throw NovaRefusal.invalid(key, v);
            }
            result.put(key, s);
        }
        return result;
    }
}
