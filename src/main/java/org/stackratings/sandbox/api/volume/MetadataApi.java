package org.stackratings.sandbox.api.volume;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * Cinder's metadata routes of a resource ({@code .../{id}/metadata} and {@code .../{id}/metadata/{key}}): show all,
 * POST (merge), PUT (replace all), show, PUT and DELETE one key. Keys and values are strings of at most 255
 * characters.
 */
public final class MetadataApi {

    /** Reads and writes the metadata of the resource {@code id}; empty when it is unknown. */
    public interface Access {
        Optional<Map<String, String>> read(ApiRequest req, String id);

        Optional<Map<String, String>> write(ApiRequest req, String id, Map<String, String> metadata);
    }

    private final String idParam;
    private final String what;
    private final Access access;
    private final BiFunction<String, String, String> keyMissing;

    /** The metadata of a volume: a key it does not hold is the 404 "Metadata item was not found". */
    public MetadataApi(String idParam, String what, Access access) {
        this(idParam, what, access, (id, key) -> "Metadata item was not found");
    }

    /** {@code keyMissing}: the 404's message for a resource id and a key it does not hold. */
    public MetadataApi(String idParam, String what, Access access, BiFunction<String, String, String> keyMissing) {
        this.idParam = idParam;
        this.what = what;
        this.access = access;
        this.keyMissing = keyMissing;
    }

    public void register(ServiceRoutes routes, String resourcePath) {
        String all = resourcePath + "/metadata";
        routes.get(all, this::showAll);
        routes.route(HttpMethod.POST, all, true, req -> writeAll(req, true));
        routes.route(HttpMethod.PUT, all, true, req -> writeAll(req, false));
        routes.get(all + "/:key", this::showOne);
        routes.route(HttpMethod.PUT, all + "/:key", true, this::putOne);
        routes.route(HttpMethod.DELETE, all + "/:key", true, this::deleteOne);
    }

    private Optional<Map<String, String>> current(ApiRequest req) {
        if (CinderScope.wrongProject(req, what + ":get")) {
            return Optional.empty();
        }
        Optional<Map<String, String>> metadata = access.read(req, req.param(idParam));
        if (metadata.isEmpty()) {
            req.fail(404, capitalized() + " " + req.param(idParam) + " could not be found.");
        }
        return metadata;
    }

    private String capitalized() {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }

    private void showAll(ApiRequest req) {
        current(req).ifPresent(m -> req.ok(new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(m)))));
    }

    /** The string pairs of {@code body.field}; null (and the 400 sent) when it is not an object of strings. */
    private static Map<String, String> pairs(ApiRequest req, String field) {
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue(field) instanceof JsonObject given)) {
            req.fail(400, "Malformed request body");
            return null;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String key : given.fieldNames()) {
            Object value = given.getValue(key);
            if (!(value instanceof String text) || key.isEmpty() || key.length() > 255 || text.length() > 255) {
                req.fail(400, "Invalid input received: Invalid metadata: the key and value must be strings of 1 to"
                        + " 255 characters (key " + key + ")");
                return null;
            }
            pairs.put(key, text);
        }
        return pairs;
    }

    private void writeAll(ApiRequest req, boolean merge) {
        Optional<Map<String, String>> now = current(req);
        if (now.isEmpty()) {
            return;
        }
        Map<String, String> given = pairs(req, "metadata");
        if (given == null) {
            return;
        }
        Map<String, String> next = merge ? new LinkedHashMap<>(now.get()) : new LinkedHashMap<>();
        next.putAll(given);
        access.write(req, req.param(idParam), next)
                .ifPresent(m -> req.ok(new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(m)))));
    }

    private void showOne(ApiRequest req) {
        current(req).ifPresent(m -> {
            String key = req.param("key");
            if (!m.containsKey(key)) {
                req.fail(404, keyMissing.apply(req.param(idParam), key));
                return;
            }
            req.ok(new JsonObject().put("meta", new JsonObject().put(key, m.get(key))));
        });
    }

    private void putOne(ApiRequest req) {
        Optional<Map<String, String>> now = current(req);
        if (now.isEmpty()) {
            return;
        }
        Map<String, String> given = pairs(req, "meta");
        if (given == null) {
            return;
        }
        String key = req.param("key");
        if (given.size() > 1) {
            req.fail(400, "Request body contains too many items.");
            return;
        }
        if (!given.containsKey(key)) {
            req.fail(400, "Request body and URI mismatch");
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(now.get());
        next.put(key, given.get(key));
        access.write(req, req.param(idParam), next)
                .ifPresent(m -> req.ok(new JsonObject().put("meta", new JsonObject().put(key, m.get(key)))));
    }

    private void deleteOne(ApiRequest req) {
        Optional<Map<String, String>> now = current(req);
        if (now.isEmpty()) {
            return;
        }
        String key = req.param("key");
        if (!now.get().containsKey(key)) {
            req.fail(404, keyMissing.apply(req.param(idParam), key));
            return;
        }
        Map<String, String> next = new LinkedHashMap<>(now.get());
        next.remove(key);
        access.write(req, req.param(idParam), next).ifPresent(m -> req.reply(200, null));
    }
}
