package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/**
 * The image metadata of a volume (os-vol-image-meta): os-set_image_metadata merges, os-unset_image_metadata removes
 * one key, os-show_image_metadata answers it, and the volume's detail shows it as {@code volume_image_metadata}.
 */
class VolumeImageMetadataTest {

    private CinderClient cinder;
    private String image;
    private String id;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
        image = cinder.sandbox.server.cloud(CinderClient.CLOUD).orElseThrow().images().list().get(0).id();
        id = cinder.available(new JsonObject().put("size", 1).put("imageRef", image)).getString("id");
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    private JsonObject action(String volume, String name, JsonObject argument, int status) {
        return cinder.json(cinder.action(volume, new JsonObject().put(name, argument)), status);
    }

    private JsonObject set(String volume, JsonObject pairs) {
        return action(volume, "os-set_image_metadata", new JsonObject().put("metadata", pairs), 200)
                .getJsonObject("metadata");
    }

    private JsonObject shown(String volume) {
        return action(volume, "os-show_image_metadata", new JsonObject(), 200).getJsonObject("metadata");
    }

    private String refusal(int status, String name, Object argument) {
        JsonObject body = SandboxFixture.json(cinder.action(id, new JsonObject().put(name, argument)));
        JsonObject fault = body.getJsonObject(body.fieldNames().iterator().next());
        assertThat(fault.getInteger("code")).as(body.encode()).isEqualTo(status);
        return fault.getString("message");
    }

    @Test
    void setMergesIntoWhatTheImageGaveAndTheDetailShowsIt() {
        JsonObject all = set(id, new JsonObject().put("kernel_id", "k-1").put("image_name", "renamed"));
        assertThat(all.getString("image_id")).as("kept from the image").isEqualTo(image);
        assertThat(all.getString("kernel_id")).isEqualTo("k-1");
        assertThat(all.getString("image_name")).isEqualTo("renamed");
        assertThat(shown(id)).isEqualTo(all);
        assertThat(cinder.show(id).getJsonObject("volume_image_metadata")).isEqualTo(all);
        JsonArray detail = cinder.json(cinder.get("/volumes/detail"), 200).getJsonArray("volumes");
        assertThat(detail.stream().map(JsonObject.class::cast).filter(v -> v.getString("id").equals(id))
                .findFirst().orElseThrow().getJsonObject("volume_image_metadata")).isEqualTo(all);
        assertThat(cinder.show(id).getJsonObject("metadata").getMap()).as("the user metadata is apart").isEmpty();
    }

    @Test
    void unsetRemovesOneKeyAndAKeyTheVolumeLacksIsNotFound() {
        set(id, new JsonObject().put("ramdisk_id", "somedisk"));
        assertThat(cinder.action(id, new JsonObject().put("os-unset_image_metadata",
                new JsonObject().put("key", "ramdisk_id"))).statusCode()).isEqualTo(200);
        assertThat(shown(id).containsKey("ramdisk_id")).isFalse();
        assertThat(shown(id).getString("image_id")).isEqualTo(image);
        assertThat(refusal(404, "os-unset_image_metadata", new JsonObject().put("key", "ramdisk_id")))
                .isEqualTo("Glance metadata for volume/snapshot " + id + " cannot be found.");
        assertThat(cinder.action("no-such-volume", new JsonObject().put("os-show_image_metadata", new JsonObject()))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aVolumeOfNoImageHasNoneUntilSet() {
        String plain = cinder.available(new JsonObject().put("size", 1)).getString("id");
        assertThat(shown(plain).getMap()).isEmpty();
        assertThat(cinder.show(plain).containsKey("volume_image_metadata")).isFalse();
        set(plain, new JsonObject().put("hw_disk_bus", "scsi"));
        assertThat(cinder.show(plain).getJsonObject("volume_image_metadata"))
                .isEqualTo(new JsonObject().put("hw_disk_bus", "scsi"));
    }

    @Test
    void theArgumentsAreCheckedAsCindersSchema() {
        assertThat(refusal(400, "os-set_image_metadata", new JsonObject()))
                .contains("'metadata' is a required property");
        assertThat(refusal(400, "os-set_image_metadata", new JsonObject().put("metadata", "x")))
                .contains("is not of type 'object'");
        assertThat(refusal(400, "os-set_image_metadata", new JsonObject().put("metadata",
                new JsonObject().put("bad!key", "v")))).contains("'bad!key' was unexpected");
        assertThat(refusal(400, "os-set_image_metadata", new JsonObject().put("metadata",
                new JsonObject().put("size", 1)))).contains("is not of type 'string'");
        assertThat(refusal(400, "os-set_image_metadata", new JsonObject().put("metadata", new JsonObject())
                .put("other", 1))).contains("'other' was unexpected");
        assertThat(refusal(400, "os-unset_image_metadata", new JsonObject()))
                .contains("'key' is a required property");
        assertThat(refusal(400, "os-unset_image_metadata", new JsonObject().put("key", "")))
                .contains("is too short");
    }

    @Test
    void aVolumeBeingUploadedKeepsItsImageMetadata() {
        action(id, "os-volume_upload_image", new JsonObject().put("image_name", "copy"), 202);
        assertThat(refusal(400, "os-set_image_metadata", new JsonObject().put("metadata",
                new JsonObject().put("k", "v")))).isEqualTo("Invalid volume: Updating volume metadata is not allowed"
                        + " for volumes in uploading status.");
        assertThat(refusal(400, "os-unset_image_metadata", new JsonObject().put("key", "image_id")))
                .isEqualTo("Invalid volume: Deleting volume metadata is not allowed for volumes in uploading status.");
        cinder.step();
        assertThat(set(id, new JsonObject().put("k", "v")).getString("k")).isEqualTo("v");
    }
}
