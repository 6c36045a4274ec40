package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.CloudInventory;

/** Glance v2 under {@code /{cloud}/image}: versions, images (list with filters and paging, show) and schemas. */
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
        routes.get("/v2/images", this::images);
        routes.get("/v2/images/:image_id", this::image);
        routes.get("/v2/schemas/image", this::imageSchema);
        routes.get("/v2/schemas/images", this::imagesSchema);
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

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    static JsonObject imageJson(ApiRequest req, CloudInventory.Image i) {
        return new JsonObject()
                .put("id", i.id())
                .put("name", i.name())
                .put("status", "active")
                .put("visibility", i.visibility())
                .put("protected", false)
                .put("os_hidden", false)
                .put("checksum", hash("MD5", i.id()))
                .put("os_hash_algo", "sha512")
                .put("os_hash_value", hash("SHA-512", i.id()))
                .put("owner", req.profile().project().id())
                .put("size", i.sizeBytes())
                .put("virtual_size", i.sizeBytes() * 4)
                .put("min_ram", i.minRamMb())
                .put("min_disk", i.minDiskGb())
                .put("disk_format", i.diskFormat())
                .put("container_format", "bare")
                .put("os_distro", i.osDistro())
                .put("created_at", CloudInventory.CREATED_AT)
                .put("updated_at", CloudInventory.CREATED_AT)
                .put("tags", new JsonArray())
                .put("self", "/v2/images/" + i.id())
                .put("file", "/v2/images/" + i.id() + "/file")
                .put("schema", "/v2/schemas/image");
    }

    private void images(ApiRequest req) {
        List<CloudInventory.Image> all = req.inventory().images().stream()
                .filter(i -> req.query("name") == null || req.query("name").equals(i.name()))
                .filter(i -> req.query("status") == null || "active".equals(req.query("status")))
                .filter(i -> req.query("visibility") == null || "all".equals(req.query("visibility"))
                        || req.query("visibility").equals(i.visibility()))
                .toList();
        int start = 0;
        String marker = req.query("marker");
        if (marker != null) {
            start = all.stream().map(CloudInventory.Image::id).toList().indexOf(marker) + 1;
            if (start == 0) {
                req.fail(400, "marker not found");
                return;
            }
        }
        int limit;
        try {
            limit = req.query("limit") == null ? 25 : Integer.parseInt(req.query("limit"));
        } catch (NumberFormatException e) {
            req.fail(400, "limit param must be an integer");
            return;
        }
        if (limit < 0) {
            req.fail(400, "limit param must be positive");
            return;
        }
        List<CloudInventory.Image> page = all.subList(Math.min(start, all.size()),
                Math.min(start + limit, all.size()));
        JsonArray list = new JsonArray();
        page.forEach(i -> list.add(imageJson(req, i)));
        JsonObject body = new JsonObject().put("images", list).put("schema", "/v2/schemas/images")
                .put("first", "/v2/images");
        if (start + limit < all.size() && !page.isEmpty()) {
            body.put("next", "/v2/images?marker=" + page.get(page.size() - 1).id() + "&limit=" + limit);
        }
        req.ok(body);
    }

    private void image(ApiRequest req) {
        String id = req.param("image_id");
        req.inventory().image(id).ifPresentOrElse(
                i -> req.ok(imageJson(req, i)),
                () -> req.fail(404, "No image found with ID " + id));
    }

    private static JsonObject imageProperties() {
        JsonObject props = new JsonObject();
        for (String p : List.of("id", "name", "status", "visibility", "checksum", "os_hash_algo", "os_hash_value",
                "owner", "disk_format", "container_format", "created_at", "updated_at", "self", "file", "schema")) {
            props.put(p, new JsonObject().put("type", p.equals("name") || p.equals("checksum")
                    || p.equals("owner") ? new JsonArray().add("null").add("string") : "string"));
        }
        for (String p : List.of("size", "virtual_size", "min_ram", "min_disk")) {
            props.put(p, new JsonObject().put("type", new JsonArray().add("null").add("integer")));
        }
        props.put("protected", new JsonObject().put("type", "boolean"));
        props.put("os_hidden", new JsonObject().put("type", "boolean"));
        props.put("tags", new JsonObject().put("type", "array")
                .put("items", new JsonObject().put("type", "string").put("maxLength", 255)));
        return props;
    }

    private static JsonObject imageSchemaDoc() {
        return new JsonObject()
                .put("name", "image")
                .put("properties", imageProperties())
                .put("additionalProperties", new JsonObject().put("type", "string"))
                .put("links", new JsonArray()
                        .add(new JsonObject().put("rel", "self").put("href", "{self}"))
                        .add(new JsonObject().put("rel", "enclosure").put("href", "{file}"))
                        .add(new JsonObject().put("rel", "describedby").put("href", "{schema}")));
    }

    private void imageSchema(ApiRequest req) {
        req.ok(imageSchemaDoc());
    }

    private void imagesSchema(ApiRequest req) {
        req.ok(new JsonObject()
                .put("name", "images")
                .put("properties", new JsonObject()
                        .put("images", new JsonObject().put("type", "array").put("items", imageSchemaDoc()))
                        .put("schema", new JsonObject().put("type", "string"))
                        .put("first", new JsonObject().put("type", "string"))
                        .put("next", new JsonObject().put("type", "string")))
                .put("links", new JsonArray()
                        .add(new JsonObject().put("rel", "first").put("href", "{first}"))
                        .add(new JsonObject().put("rel", "next").put("href", "{next}"))
                        .add(new JsonObject().put("rel", "describedby").put("href", "{schema}"))));
    }
}
