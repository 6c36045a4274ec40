package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.stackratings.sandbox.state.image.ImageAttributes;
import org.stackratings.sandbox.state.image.ImageContent;
import org.stackratings.sandbox.state.image.ImageMember;
import org.stackratings.sandbox.state.image.StoredImage;

/** The JSON documents of Glance v2: an image (with its extra properties at the top level) and an image member. */
final class ImageDocuments {

    private ImageDocuments() {
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static JsonObject image(StoredImage image) {
        ImageAttributes a = image.attributes();
        ImageContent c = image.content();
        JsonObject json = new JsonObject();
        for (Map.Entry<String, String> p : a.properties().entrySet()) {
            json.put(p.getKey(), p.getValue());
        }
        return json
                .put("id", image.id())
                .put("name", a.name())
                .put("status", image.status())
                .put("visibility", a.visibility())
                .put("protected", a.isProtected())
                .put("os_hidden", a.osHidden())
                .put("checksum", c == null ? null : c.checksum())
                .put("os_hash_algo", c == null ? null : c.osHashAlgo())
                .put("os_hash_value", c == null ? null : c.osHashValue())
                .put("owner", image.owner())
                .put("size", c == null ? null : c.size())
                .put("virtual_size", c == null ? null : c.virtualSize())
                .put("min_ram", a.minRam())
                .put("min_disk", a.minDisk())
                .put("disk_format", a.diskFormat())
                .put("container_format", a.containerFormat())
                .put("created_at", time(image.createdAt()))
                .put("updated_at", time(image.updatedAt()))
                .put("tags", new JsonArray(a.tags()))
                .put("self", "/v2/images/" + image.id())
                .put("file", "/v2/images/" + image.id() + "/file")
                .put("schema", "/v2/schemas/image");
    }

    static JsonObject member(ImageMember m) {
        return new JsonObject()
                .put("image_id", m.imageId())
                .put("member_id", m.memberId())
                .put("status", m.status())
                .put("created_at", time(m.createdAt()))
                .put("updated_at", time(m.updatedAt()))
                .put("schema", "/v2/schemas/member");
    }
}
