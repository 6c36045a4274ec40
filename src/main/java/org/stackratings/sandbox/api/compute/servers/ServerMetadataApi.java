package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * A Nova server's metadata under {@code /servers/{id}/metadata}: list, replace ({@code PUT}), merge ({@code POST}),
 * and one item by key (show, set, delete), within the quota of {@value ServerFields#MAX_METADATA_ITEMS} items.
 */
final class ServerMetadataApi {

    /** Registers the routes under {@code server}, the path of one server ({@code .../servers/:server_id}). */
    void register(ServiceRoutes routes, String server) {
        routes.get(server + "/metadata", NovaRefusal.answering(this::list));
        routes.route(HttpMethod.PUT, server + "/metadata", true, NovaRefusal.answering(req -> set(req, true)));
        routes.route(HttpMethod.POST, server + "/metadata", true, NovaRefusal.answering(req -> set(req, false)));
        routes.get(server + "/metadata/:key", NovaRefusal.answering(this::item));
        routes.route(HttpMethod.PUT, server + "/metadata/:key", true, NovaRefusal.answering(this::setItem));
        routes.route(HttpMethod.DELETE, server + "/metadata/:key", true, NovaRefusal.answering(this::deleteItem));
    }

    private static JsonObject metadataDocument(SimulatedServer server) {
        return new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(server.metadata())));
    }

    private void list(ApiRequest req) {
        req.ok(metadataDocument(RequestedServer.existing(req)));
    }

    /** Sets the body's items, replacing all others or keeping them. */
    private void set(ApiRequest req, boolean replace) {
        Map<String, String> items = ServerFields.metadata(ServerFields.member(req, "metadata"));
        SimulatedServer server = RequestedServer.existing(req);
        Map<String, String> merged = new LinkedHashMap<>(replace ? Map.of() : server.metadata());
        merged.putAll(items);
        if (merged.size() > ServerFields.MAX_METADATA_ITEMS) {
            throw ServerFields.metadataQuotaExceeded(merged.size());
        }
        SimulatedServer changed = RequestedServer.modify(req, server.id(), e -> {
            e.metadata().clear();
            e.metadata().putAll(merged);
        });
        req.ok(metadataDocument(changed));
    }

    private void item(ApiRequest req) {
        String key = req.param("key");
        String value = RequestedServer.existing(req).metadata().get(key);
        if (value == null) {
            throw new NovaRefusal(404, "Metadata item was not found");
        }
        req.ok(new JsonObject().put("meta", new JsonObject().put(key, value)));
    }

    private void setItem(ApiRequest req) {
        String key = req.param("key");
        JsonObject meta = ServerFields.member(req, "meta");
        if (meta.size() > 1) {
            throw new NovaRefusal(400, "Request body contains too many items");
        }
        if (!meta.containsKey(key)) {
            throw new NovaRefusal(400, "Request body and URI mismatch");
        }
        Map<String, String> item = ServerFields.metadata(meta);
        SimulatedServer server = RequestedServer.existing(req);
        if (!server.metadata().containsKey(key) && server.metadata().size() >= ServerFields.MAX_METADATA_ITEMS) {
            throw new NovaRefusal(403, "Quota exceeded for metadata_items: the limit is "
                    + ServerFields.MAX_METADATA_ITEMS + ".");
        }
        RequestedServer.modify(req, server.id(), e -> e.metadata().putAll(item));
        req.ok(new JsonObject().put("meta", new JsonObject().put(key, item.get(key))));
    }

    private void deleteItem(ApiRequest req) {
        String key = req.param("key");
        SimulatedServer server = RequestedServer.existing(req);
        if (!server.metadata().containsKey(key)) {
            throw new NovaRefusal(404, "Metadata item was not found");
        }
        RequestedServer.modify(req, server.id(), e -> e.metadata().remove(key));
        req.reply(204, null);
    }
}
