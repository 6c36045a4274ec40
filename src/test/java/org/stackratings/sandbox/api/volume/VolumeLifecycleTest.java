package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** Cinder's volume lifecycle: create (creating, then available), show, update, clone, from an image, delete. */
class VolumeLifecycleTest {

    private CinderClient cinder;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    @Test
    void aNewVolumeIsCreatingThenAvailableOnTheClock() {
        JsonObject created = cinder.create(new JsonObject().put("size", 2).put("name", "data")
                .put("description", "d").put("metadata", new JsonObject().put("k", "v")));
        assertThat(created.getString("status")).isEqualTo("creating");
        assertThat(created.getInteger("size")).isEqualTo(2);
        assertThat(created.getString("volume_type")).isEqualTo("__DEFAULT__");
        assertThat(created.getString("availability_zone")).isEqualTo("nova");
        assertThat(created.getString("bootable")).isEqualTo("false");
        assertThat(created.getJsonObject("metadata").getString("k")).isEqualTo("v");
        assertThat(created.containsKey("os-vol-tenant-attr:tenant_id")).as("only show adds it, as Cinder").isFalse();
        String id = created.getString("id");
        assertThat(cinder.show(id).getString("os-vol-tenant-attr:tenant_id")).isEqualTo(cinder.project);
        assertThat(cinder.show(id).getString("status")).as("the clock has not moved").isEqualTo("creating");
        cinder.clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(cinder.show(id).getString("status")).isEqualTo("available"));
    }

    @Test
    void deleteMakesTheVolumeDeletingThenGone() {
        String id = cinder.available(new JsonObject().put("size", 1)).getString("id");
        assertThat(cinder.call("DELETE", "/volumes/" + id, null).statusCode()).isEqualTo(202);
        assertThat(cinder.show(id).getString("status")).isEqualTo("deleting");
        assertThat(cinder.call("DELETE", "/volumes/" + id, null).statusCode()).as("already deleting")
                .isEqualTo(400);
        cinder.step();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(cinder.get("/volumes/" + id).statusCode()).isEqualTo(404));
        assertThat(SandboxFixture.json(cinder.get("/volumes/" + id)).getJsonObject("itemNotFound")
                .getString("message")).isEqualTo("Volume " + id + " could not be found.");
    }

    @Test
    void aCreatingVolumeCannotBeDeleted() {
        String id = cinder.create(new JsonObject().put("size", 1)).getString("id");
        assertThat(cinder.call("DELETE", "/volumes/" + id, null).statusCode()).isEqualTo(400);
    }

    @Test
    void updateChangesNameDescriptionAndMetadata() {
        String id = cinder.available(new JsonObject().put("size", 1).put("name", "old")).getString("id");
        JsonObject updated = cinder.json(cinder.call("PUT", "/volumes/" + id, new JsonObject().put("volume",
                new JsonObject().put("name", "new").put("description", "text")
                        .put("metadata", new JsonObject().put("a", "b"))).encode()), 200).getJsonObject("volume");
        assertThat(updated.getString("name")).isEqualTo("new");
        assertThat(cinder.show(id).getString("description")).isEqualTo("text");
        assertThat(cinder.show(id).getJsonObject("metadata").getMap()).containsOnlyKeys("a");
        assertThat(cinder.call("PUT", "/volumes/" + id, "{}").statusCode()).isEqualTo(400);
        assertThat(cinder.call("PUT", "/volumes/nope", "{\"volume\":{}}").statusCode()).isEqualTo(404);
    }

    @Test
    void theSizeIsValidated() {
        for (Object size : new Object[] {0, -1, "#$%", ""}) {
            assertThat(cinder.call("POST", "/volumes", new JsonObject().put("volume",
                    new JsonObject().put("size", size)).encode()).statusCode()).as("size " + size).isEqualTo(400);
        }
        assertThat(cinder.call("POST", "/volumes", "{\"volume\":{}}").statusCode()).as("no size").isEqualTo(400);
        assertThat(cinder.create(new JsonObject().put("size", "3")).getInteger("size")).isEqualTo(3);
        assertThat(cinder.call("POST", "/volumes", "{\"volume\":{\"size\":1,\"volume_type\":\"nope\"}}")
                .statusCode()).isEqualTo(404);
        assertThat(cinder.call("POST", "/volumes", "{\"volume\":{\"size\":1,\"availability_zone\":\"x\"}}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aCloneIsAtLeastAsLargeAsItsSource() {
        String source = cinder.available(new JsonObject().put("size", 2)).getString("id");
        JsonObject clone = cinder.create(new JsonObject().put("source_volid", source));
        assertThat(clone.getString("source_volid")).isEqualTo(source);
        assertThat(clone.getInteger("size")).isEqualTo(2);
        assertThat(cinder.call("POST", "/volumes", new JsonObject().put("volume", new JsonObject()
                .put("source_volid", source).put("size", 1)).encode()).statusCode()).isEqualTo(400);
        assertThat(cinder.call("POST", "/volumes", new JsonObject().put("volume", new JsonObject()
                .put("source_volid", "nope").put("size", 1)).encode()).statusCode()).isEqualTo(404);
    }

    @Test
    void aVolumeFromAnImageIsBootableWithTheImagesMetadata() {
        String image = cinder.sandbox.server.cloud(CinderClient.CLOUD).orElseThrow().images().list().get(0).id();
        JsonObject volume = cinder.available(new JsonObject().put("size", 1).put("imageRef", image));
        assertThat(volume.getString("bootable")).isEqualTo("true");
        assertThat(volume.getJsonObject("volume_image_metadata").getString("image_id")).isEqualTo(image);
        assertThat(cinder.call("POST", "/volumes", new JsonObject().put("volume", new JsonObject()
                .put("imageRef", "00000000-0000-0000-0000-000000000000").put("size", 1)).encode()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anotherProjectsUrlIsRefused() {
        assertThat(cinder.sandbox.call("POST", "/vol/volume/v3/ffffffffffffffffffffffffffffffff/volumes",
                cinder.token, "{\"volume\":{\"size\":1}}").statusCode()).isEqualTo(403);
    }
}
