package org.stackratings.sandbox.api.compute.images;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Nova's view of a Glance image: id, name and links in a list; with Nova's status ({@code ACTIVE}, {@code SAVING},
 * {@code DELETED}, {@code ERROR}, {@code UNKNOWN}), progress, minimum disk and RAM, the extra properties as
 * {@code metadata}, size and times in the detail, and the server a snapshot was made of.
 */
record ImageViews(ApiRequest req) {

    /** Nova's status of a Glance status. */
    static String status(String glanceStatus) {
        return switch (glanceStatus) {
            case "active" -> "ACTIVE";
            case "queued", "saving", "uploading", "importing" -> "SAVING";
            case "deleted", "pending_delete" -> "DELETED";
            case "killed" -> "ERROR";
            default -> "UNKNOWN";
        };
    }

    static int progress(String glanceStatus) {
        return switch (glanceStatus) {
            case "queued" -> 25;
            case "saving" -> 50;
            case "active" -> 100;
            default -> 0;
        };
    }

    private JsonArray links(String kind, String id) {
        String base = req.serviceBase();
        return new JsonArray()
                .add(new JsonObject().put("rel", "self").put("href", base + "/v2.1/" + kind + "/" + id))
                .add(new JsonObject().put("rel", "bookmark").put("href", base + "/" + kind + "/" + id));
    }

    JsonObject summary(StoredImage image) {
        JsonArray links = links("images", image.id()).add(new JsonObject().put("rel", "alternate")
                .put("type", "application/vnd.openstack.image")
                .put("href", req.cloudBase() + "/image/images/" + image.id()));
        return new JsonObject().put("id", image.id()).put("name", image.attributes().name()).put("links", links);
    }

    JsonObject detail(StoredImage image) {
        JsonObject json = summary(image)
                .put("minRam", image.attributes().minRam())
                .put("minDisk", image.attributes().minDisk())
                .put("metadata", metadata(image))
                .put("created", timestamp(image.createdAt()))
                .put("updated", timestamp(image.updatedAt()))
                .put("status", status(image.status()))
                .put("progress", progress(image.status()))
                .put("OS-EXT-IMG-SIZE:size", image.content() == null ? null : image.content().size());
        String server = image.attributes().properties().get("instance_uuid");
        if (server != null) {
            json.put("server", new JsonObject().put("id", server).put("links", links("servers", server)));
        }
        return json;
    }

    /** The image's extra properties, Nova's image {@code metadata}. */
    static JsonObject metadata(StoredImage image) {
        Map<String, Object> sorted = new TreeMap<>(image.attributes().properties());
        return new JsonObject(new java.util.LinkedHashMap<>(sorted));
    }

    static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
