package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.sandbox.SandboxFixture;

/** Nova's image proxy over the cloud's Glance images: lists, filters, paging, status, metadata, delete, 2.36. */
class ImageProxyTest {

    static final String GLANCE = "/nova/image/v2/images";
    static final String IMAGES = NovaTestCloud.V21 + "/images";

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    /** An image made through Glance with {@code attributes}, its data uploaded when {@code upload}. */
    static String glanceImage(NovaTestCloud nova, JsonObject attributes, boolean upload) {
        JsonObject body = new JsonObject().put("container_format", "bare").put("disk_format", "raw")
                .put("visibility", "private").mergeIn(attributes);
        String id = nova.ok(nova.call("POST", GLANCE, body), 201).getString("id");
        if (upload) {
            HttpResponse<String> stored = nova.sandbox.send(HttpRequest.newBuilder(
                    URI.create(nova.sandbox.server.baseUrl() + GLANCE + "/" + id + "/file"))
                    .header("X-Auth-Token", nova.token).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024])).build());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
        }
        return id;
    }

    private JsonObject image(String id) {
        return nova.ok(nova.call("GET", IMAGES + "/" + id, null), 200).getJsonObject("image");
    }

    private List<String> ids(String query) {
        JsonArray images = nova.ok(nova.call("GET", IMAGES + query, null), 200).getJsonArray("images");
        return images.stream().map(i -> ((JsonObject) i).getString("id")).toList();
    }

    @Test
    void anImageUploadedThroughGlanceIsShownWithNovasStatusAndFields() {
        String id = glanceImage(nova, new JsonObject().put("name", "uploaded").put("min_ram", 256)
                .put("min_disk", 2).put("os_distro", "debian"), false);
        JsonObject queued = image(id);
        assertThat(queued.getString("status")).isEqualTo("SAVING");
        assertThat(queued.getInteger("progress")).isEqualTo(25);
        assertThat(queued.getValue("OS-EXT-IMG-SIZE:size")).isNull();

        glanceImage(nova, new JsonObject().put("name", "other"), true);
        HttpResponse<String> stored = nova.sandbox.send(HttpRequest.newBuilder(
                URI.create(nova.sandbox.server.baseUrl() + GLANCE + "/" + id + "/file"))
                .header("X-Auth-Token", nova.token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2048])).build());
        assertThat(stored.statusCode()).isEqualTo(204);
        JsonObject active = image(id);
        assertThat(active.getString("status")).isEqualTo("ACTIVE");
        assertThat(active.getInteger("progress")).isEqualTo(100);
        assertThat(active.getInteger("minRam")).isEqualTo(256);
        assertThat(active.getInteger("minDisk")).isEqualTo(2);
        assertThat(active.getLong("OS-EXT-IMG-SIZE:size")).isEqualTo(2048L);
        assertThat(active.getJsonObject("metadata")).isEqualTo(new JsonObject().put("os_distro", "debian"));
        assertThat(ids("/detail")).contains(id, nova.inventory.images().get(0).id());
    }

    @Test
    void listsFilterByNameStatusAndPageWithLinks() {
        String a = glanceImage(nova, new JsonObject().put("name", "alpha"), true);
        String b = glanceImage(nova, new JsonObject().put("name", "beta"), false);
        assertThat(ids("?name=alpha")).containsExactly(a);
        assertThat(ids("?status=ACTIVE")).contains(a).doesNotContain(b);
        assertThat(ids("?status=queued")).containsExactly(b);

        JsonObject page = nova.ok(nova.call("GET", IMAGES + "?limit=1", null), 200);
        assertThat(page.getJsonArray("images")).hasSize(1);
        String next = page.getJsonArray("images_links").getJsonObject(0).getString("href");
        assertThat(next).contains("marker=" + page.getJsonArray("images").getJsonObject(0).getString("id"));
        assertThat(nova.call("GET", IMAGES + "?marker=nope", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theProxyEndsAt235AndItsMetadataAt238() {
        String seeded = nova.inventory.images().get(0).id();
        assertThat(nova.call("GET", IMAGES, null, "2.35").statusCode()).isEqualTo(200);
        assertThat(nova.call("GET", IMAGES, null, "2.36").statusCode()).isEqualTo(404);
        assertThat(nova.call("GET", IMAGES + "/" + seeded, null, "2.36").statusCode()).isEqualTo(404);
        assertThat(nova.call("GET", IMAGES + "/" + seeded + "/metadata", null, "2.38").statusCode()).isEqualTo(200);
        assertThat(nova.call("GET", IMAGES + "/" + seeded + "/metadata", null, "2.39").statusCode()).isEqualTo(404);
    }

    @Test
    void metadataIsSetMergedShownAndDeletedOnTheOwnersImage() {
        String id = glanceImage(nova, new JsonObject().put("name", "meta"), true);
        String metadata = IMAGES + "/" + id + "/metadata";
        JsonObject set = new JsonObject().put("metadata", new JsonObject().put("os_version", "1").put("a", "x"));
        assertThat(nova.ok(nova.call("PUT", metadata, set), 200).getJsonObject("metadata"))
                .isEqualTo(set.getJsonObject("metadata"));
        JsonObject merge = new JsonObject().put("metadata", new JsonObject().put("os_version", "2").put("b", "y"));
        assertThat(nova.ok(nova.call("POST", metadata, merge), 200).getJsonObject("metadata"))
                .isEqualTo(new JsonObject().put("a", "x").put("b", "y").put("os_version", "2"));
        assertThat(nova.ok(nova.call("GET", metadata + "/b", null), 200).getJsonObject("meta"))
                .isEqualTo(new JsonObject().put("b", "y"));
        JsonObject item = new JsonObject().put("meta", new JsonObject().put("b", "z"));
        assertThat(nova.call("PUT", metadata + "/b", item).statusCode()).isEqualTo(200);
        assertThat(nova.call("PUT", metadata + "/a", item).statusCode()).isEqualTo(400);
        assertThat(nova.call("DELETE", metadata + "/a", null).statusCode()).isEqualTo(204);
        assertThat(nova.call("DELETE", metadata + "/a", null).statusCode()).isEqualTo(404);
        assertThat(nova.ok(nova.call("GET", metadata, null), 200).getJsonObject("metadata"))
                .isEqualTo(new JsonObject().put("b", "z").put("os_version", "2"));
        assertThat(SandboxFixture.json(nova.call("GET", GLANCE + "/" + id, null)).getString("b")).isEqualTo("z");

        String seeded = nova.inventory.images().get(0).id();
        assertThat(nova.call("POST", IMAGES + "/" + seeded + "/metadata", merge).statusCode()).isEqualTo(403);
        assertThat(nova.call("GET", IMAGES + "/nope/metadata", null).statusCode()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheOwnersImageFromGlanceAndRefusesOthers() {
        String id = glanceImage(nova, new JsonObject().put("name", "gone"), true);
        assertThat(nova.call("DELETE", IMAGES + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(nova.call("GET", IMAGES + "/" + id, null).statusCode()).isEqualTo(404);
        assertThat(nova.call("GET", GLANCE + "/" + id, null).statusCode()).isEqualTo(404);
        assertThat(nova.call("DELETE", IMAGES + "/" + id, null).statusCode()).isEqualTo(404);
        String seeded = nova.inventory.images().get(0).id();
        assertThat(nova.call("DELETE", IMAGES + "/" + seeded, null).statusCode()).isEqualTo(403);
    }
}
