package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.image.ImageLimits;
import org.stackratings.sandbox.state.image.ImageStore;

/**
 * Glance's discovery documents: {@code /v2/info/import} (no import method: the sandbox takes data by upload only),
 * {@code /v2/info/stores} (404: one store, no multi-store) and {@code /v2/info/usage} (the project's unified limits
 * and what it uses of them).
 */
final class ImageInfoApi {

    private static final long MIB = 1024L * 1024;

    void register(ServiceRoutes routes) {
        routes.get("/v2/info/import", req -> req.ok(new JsonObject().put("import-methods", new JsonObject()
                .put("description", "Import methods available.").put("type", "array").put("value", new JsonArray()))));
        routes.get("/v2/info/stores", req -> req.fail(404, "Multi backend is not supported at this site."));
        routes.get("/v2/info/usage", this::usage);
    }

    private void usage(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        ImageStore store = access.store();
        ImageLimits limits = store.limits();
        long uploading = store.list().stream()
                .filter(i -> access.owns(i) && (i.status().equals("saving") || i.status().equals("uploading")))
                .count();
        req.ok(new JsonObject().put("usage", new JsonObject()
                .put("image_size_total", usage(limits.imageSizeTotalBytes() / MIB,
                        (store.storedBytes(access.project()) + MIB - 1) / MIB))
                .put("image_stage_total", usage(0, 0))
                .put("image_count_total", usage(limits.imageCountTotal(), store.countOwnedBy(access.project())))
                .put("image_count_uploading", usage(limits.imageCountTotal(), uploading))));
    }

    private static JsonObject usage(long limit, long used) {
        return new JsonObject().put("limit", limit).put("usage", used);
    }
}
