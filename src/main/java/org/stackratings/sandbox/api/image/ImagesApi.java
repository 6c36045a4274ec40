package org.stackratings.sandbox.api.image;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stackratings.sandbox.api.image.list.ImageListQuery;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.image.ImageAttributes;
import org.stackratings.sandbox.state.image.ImageLimits;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Glance's images for a member of the cloud's project: create (queued), list (filters, sorting, paging), show,
 * update with a JSON patch, delete (not when protected), tags, and deactivate/reactivate of its own images.
 */
final class ImagesApi {

    void register(ServiceRoutes routes) {
        routes.get("/v2/images", GlanceRefusal.answering(this::list));
        routes.route(HttpMethod.POST, "/v2/images", true, GlanceRefusal.answering(this::create));
        routes.get("/v2/images/:image_id", GlanceRefusal.answering(this::show));
        routes.route(HttpMethod.PATCH, "/v2/images/:image_id", true, GlanceRefusal.answering(this::update));
        routes.route(HttpMethod.DELETE, "/v2/images/:image_id", true, GlanceRefusal.answering(this::delete));
        routes.route(HttpMethod.PUT, "/v2/images/:image_id/tags/:tag", true, GlanceRefusal.answering(this::addTag));
        routes.route(HttpMethod.DELETE, "/v2/images/:image_id/tags/:tag", true,
                GlanceRefusal.answering(this::deleteTag));
        routes.route(HttpMethod.POST, "/v2/images/:image_id/actions/deactivate", true,
                GlanceRefusal.answering(req -> action(req, "deactivate", "active", "deactivated")));
        routes.route(HttpMethod.POST, "/v2/images/:image_id/actions/reactivate", true,
                GlanceRefusal.answering(req -> action(req, "reactivate", "deactivated", "active")));
    }

    private void create(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        ImageLimits limits = access.store().limits();
        ImageCreateRequest request = ImageCreateRequest.parse(req, access, limits);
        if (access.store().has(request.id())) {
            throw new GlanceRefusal(409, "Image with identifier " + request.id() + " already exists!");
        }
        int count = access.store().countOwnedBy(access.project());
        StoredImage image = new StoredImage(request.id(), access.project(), "queued", request.attributes(), null,
                req.now(), req.now());
        StoredImage added = access.store().add(image).orElseThrow(() -> access.store().has(request.id())
                ? new GlanceRefusal(409, "Image with identifier " + request.id() + " already exists!")
                : ImageQuotas.overLimit(access.project(), "image_count_total", limits.imageCountTotal(), count, 1));
        req.putHeader("Location", req.serviceBase() + "/v2/images/" + added.id());
        req.reply(201, ImageDocuments.image(added));
    }

    private void list(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        ImageListQuery query = ImageListQuery.parse(req.context().queryParams(), access);
        List<StoredImage> page = query.page(access.store().list(), access);
        JsonArray images = new JsonArray();
        page.forEach(i -> images.add(ImageDocuments.image(i)));
        Map<String, List<String>> params = new LinkedHashMap<>();
        req.context().queryParams().names().stream().filter(n -> !n.equals("marker"))
                .forEach(n -> params.put(n, req.context().queryParams().getAll(n)));
        String firstQuery = encode(params);
        JsonObject body = new JsonObject().put("images", images)
                .put("first", "/v2/images" + (firstQuery.isEmpty() ? "" : "?" + firstQuery))
                .put("schema", "/v2/schemas/images");
        if (!page.isEmpty() && page.size() == query.limit()) {
            params.put("marker", List.of(page.get(page.size() - 1).id()));
            body.put("next", "/v2/images?" + encode(params));
        }
        req.ok(body);
    }

    private static String encode(Map<String, List<String>> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    private void show(ApiRequest req) {
        req.ok(ImageDocuments.image(ImageAccess.of(req).visible(req.param("image_id"))));
    }

    private void update(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.owned(req.param("image_id"), "modify_image");
        ImagePatch patch = ImagePatch.parse(req);
        ImageAttributes a = image.attributes();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("name", a.name());
        base.put("visibility", a.visibility());
        base.put("protected", a.isProtected());
        base.put("os_hidden", a.osHidden());
        base.put("disk_format", a.diskFormat());
        base.put("container_format", a.containerFormat());
        base.put("min_disk", a.minDisk());
        base.put("min_ram", a.minRam());
        base.put("tags", new JsonArray(a.tags()));
        Map<String, String> properties = new LinkedHashMap<>(a.properties());
        patch.apply(base, properties, image.status());
        List<String> tags = new ArrayList<>();
        ((JsonArray) base.get("tags")).forEach(t -> tags.add((String) t));
        ImageLimits limits = access.store().limits();
        ImageQuotas.checkTags(tags.stream().distinct().count(), limits);
        ImageQuotas.checkProperties(properties.size(), limits);
        ImageAttributes changed = new ImageAttributes((String) base.get("name"), (String) base.get("visibility"),
                (Boolean) base.get("protected"), (Boolean) base.get("os_hidden"), (String) base.get("disk_format"),
                (String) base.get("container_format"), (Integer) base.get("min_disk"), (Integer) base.get("min_ram"),
                tags, properties);
        StoredImage saved = patch.changes().isEmpty() ? image
                : access.store().update(image.id(), changed, req.now()).orElseThrow(() -> GlanceRefusal.noImage(image.id()));
        req.ok(ImageDocuments.image(saved));
    }

    private void delete(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.owned(req.param("image_id"), "delete_image");
        if (image.attributes().isProtected()) {
            throw GlanceRefusal.forbidden("Image " + image.id() + " is protected and cannot be deleted.");
        }
        access.store().remove(image.id());
        req.reply(204, null);
    }

    private void addTag(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.owned(req.param("image_id"), "modify_image");
        String tag = req.param("tag");
        ImageFields.check("tags", new JsonArray().add(tag));
        List<String> tags = new ArrayList<>(image.attributes().tags());
        tags.add(tag);
        ImageQuotas.checkTags(tags.stream().distinct().count(), access.store().limits());
        access.store().update(image.id(), withTags(image.attributes(), tags), req.now());
        req.reply(204, null);
    }

    private void deleteTag(ApiRequest req) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.owned(req.param("image_id"), "modify_image");
        String tag = req.param("tag");
        List<String> tags = new ArrayList<>(image.attributes().tags());
        if (!tags.remove(tag)) {
            throw new GlanceRefusal(404, "Tag " + tag + " not found.");
        }
        access.store().update(image.id(), withTags(image.attributes(), tags), req.now());
        req.reply(204, null);
    }

    private static ImageAttributes withTags(ImageAttributes a, List<String> tags) {
        return new ImageAttributes(a.name(), a.visibility(), a.isProtected(), a.osHidden(), a.diskFormat(),
                a.containerFormat(), a.minDisk(), a.minRam(), tags, a.properties());
    }

    /** Deactivate or reactivate: the owner's, from {@code from} to {@code to}; a no-op when it is there already. */
    private void action(ApiRequest req, String name, String from, String to) {
        ImageAccess access = ImageAccess.of(req);
        StoredImage image = access.owned(req.param("image_id"), name);
        if (!image.status().equals(to)) {
            if (!image.status().equals(from)) {
                throw GlanceRefusal.forbidden("Not allowed to " + name + " image in status '" + image.status() + "'");
            }
            access.store().setStatus(image.id(), to, req.now());
        }
        req.reply(204, null);
    }
}
