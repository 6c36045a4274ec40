package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.api.image.schema.ImageSchemas;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * Glance v2 under {@code /{cloud}/image}: the version documents, images ({@link ImagesApi}), their data
 * ({@link ImageDataApi}) and members ({@link ImageMembersApi}), the import and usage information, and the schemas
 * ({@link ImageSchemas}).
 */
public final class ImageApi implements ServiceApi {

    private static final List<String> VERSIONS = List.of("v2.16", "v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4",
            "v2.3", "v2.2", "v2.1", "v2.0");

    @Override
    public OpenStackService service() {
        return OpenStackService.IMAGE;
    }

    @Override
    public void register(ServiceRoutes routes) {
        routes.getOpen("", this::versions);
        routes.getOpen("/", this::versions);
        routes.getOpen("/versions", this::versionsOk);
        new ImagesApi().register(routes);
        new ImageDataApi().register(routes);
        new ImageMembersApi().register(routes);
        new ImageInfoApi().register(routes);
        new ImageSchemas().register(routes);
    }

    private JsonObject versionsDoc(ApiRequest req) {
        JsonArray versions = new JsonArray();
        for (int i = 0; i < VERSIONS.size(); i++) {
            versions.add(new JsonObject().put("id", VERSIONS.get(i)).put("status", i == 0 ? "CURRENT" : "SUPPORTED")
                    .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
                            .put("href", req.serviceBase() + "/v2/"))));
        }
        return new JsonObject().put("versions", versions);
    }

    private void versions(ApiRequest req) {
        req.reply(300, versionsDoc(req));
    }

    private void versionsOk(ApiRequest req) {
        req.ok(versionsDoc(req));
    }
}
