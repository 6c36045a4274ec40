package org.stackratings.sandbox.api.compute.images;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.compute.NovaPaging;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Nova's image proxy up to microversion 2.35 (404 from 2.36, as Nova): {@code GET /images} and
 * {@code /images/detail} ({@link ImageListQuery}), {@code GET} and {@code DELETE /images/{id}} over the cloud's Glance
 * images, and their metadata ({@link ImageMetadataApi}, up to 2.38).
 */
public final class ImageProxyApi {

    /** The last microversion with the image proxy. */
    static final int LAST_MINOR = 35;

    private final ImageMetadataApi metadataApi = new ImageMetadataApi();

    /** Registers the routes under {@code prefix} ({@code /v2.1} or {@code /v2.1/:project_id}). */
    public void register(ServiceRoutes routes, String prefix) {
        String images = prefix + "/images";
        routes.get(images, NovaRefusal.answering(req -> list(req, false)));
        routes.get(images + "/detail", NovaRefusal.answering(req -> list(req, true)));
        routes.get(images + "/:image_id", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, images + "/:image_id", true, NovaRefusal.answering(this::delete));
        metadataApi.register(routes, images + "/:image_id");
    }

    private void list(ApiRequest req, boolean detail) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        NovaPaging.Page<StoredImage> page = ImageListQuery.of(req).page(ProxiedImages.of(req).listed());
        ImageViews views = new ImageViews(req);
        JsonArray list = new JsonArray();
        page.items().forEach(i -> list.add(detail ? views.detail(i) : views.summary(i)));
        JsonObject body = new JsonObject().put("images", list);
        if (page.nextQuery() != null) {
            String next = req.serviceBase() + "/v2.1/images" + (detail ? "/detail" : "") + page.nextQuery();
            body.put("images_links", new JsonArray().add(new JsonObject().put("rel", "next").put("href", next)));
        }
        req.ok(body);
    }

    private void show(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        StoredImage image = ProxiedImages.of(req).visible(req.param("image_id"));
        req.ok(new JsonObject().put("image", new ImageViews(req).detail(image)));
    }

    private void delete(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        StoredImage image = ProxiedImages.of(req).owned(req.param("image_id"),
                "You are not allowed to delete the image.");
        if (image.attributes().isProtected()) {
            throw new NovaRefusal(403, "You are not allowed to delete the image.");
        }
        req.cloud().images().remove(image.id());
        req.reply(204, null);
    }
}
