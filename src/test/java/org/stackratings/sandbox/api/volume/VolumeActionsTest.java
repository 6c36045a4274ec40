package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** Cinder's volume actions for a member: status codes, status passes on the sandbox clock and error bodies. */
class VolumeActionsTest {

    private static final String SERVER = "0f4e5c7a-1111-4222-8333-944455556666";

    private CinderClient cinder;
    private String id;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
        id = cinder.available(new JsonObject().put("size", 1)).getString("id");
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    private String message(int status, JsonObject action) {
        var answer = cinder.action(id, action);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonObject body = SandboxFixture.json(answer);
        return body.getJsonObject(body.fieldNames().iterator().next()).getString("message");
    }

    @Test
    void extendIsExtendingThenAvailableWithTheNewSize() {
        assertThat(cinder.action(id, new JsonObject().put("os-extend", new JsonObject().put("new_size", 3)))
                .statusCode()).isEqualTo(202);
        assertThat(cinder.show(id).getString("status")).isEqualTo("extending");
        assertThat(message(400, new JsonObject().put("os-extend", new JsonObject().put("new_size", 4))))
                .startsWith("Invalid volume: Volume " + id + " status must be");
        cinder.step();
        assertThat(cinder.show(id).getString("status")).isEqualTo("available");
        assertThat(cinder.show(id).getInteger("size")).isEqualTo(3);
    }

    @Test
    void extendRefusesASmallerOrInvalidSize() {
        assertThat(message(400, new JsonObject().put("os-extend", new JsonObject().put("new_size", 1))))
                .startsWith("Invalid input received: New size for extend must be greater than current size.");
        for (Object size : new Object[] {0, "abc"}) {
            assertThat(cinder.action(id, new JsonObject().put("os-extend", new JsonObject().put("new_size", size)))
                    .statusCode()).as("size " + size).isEqualTo(400);
        }
        assertThat(cinder.action(id, new JsonObject().put("os-extend", new JsonObject().putNull("new_size")))
                .statusCode()).isEqualTo(400);
        assertThat(cinder.action("nope", new JsonObject().put("os-extend", new JsonObject().put("new_size", 2)))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void readonlyFlagShowsInTheMetadataOnlyWhileAvailable() {
        assertThat(cinder.show(id).getJsonObject("metadata").containsKey("readonly")).isFalse();
        for (boolean flag : new boolean[] {true, false}) {
            assertThat(cinder.action(id, new JsonObject().put("os-update_readonly_flag",
                    new JsonObject().put("readonly", flag))).statusCode()).isEqualTo(202);
            assertThat(cinder.show(id).getJsonObject("metadata").getString("readonly"))
                    .isEqualTo(flag ? "True" : "False");
        }
        assertThat(cinder.json(cinder.get("/volumes/" + id + "/metadata"), 200).getJsonObject("metadata")
                .containsKey("readonly")).as("admin metadata, not the owner's").isFalse();
        cinder.action(id, new JsonObject().put("os-reserve", new JsonObject()));
        assertThat(message(400, new JsonObject().put("os-update_readonly_flag",
                new JsonObject().put("readonly", true)))).contains("status must be available to update readonly");
    }

    @Test
    void setBootableAnswers200() {
        var answer = cinder.action(id, new JsonObject().put("os-set_bootable", new JsonObject().put("bootable", true)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(cinder.show(id).getString("bootable")).isEqualTo("true");
        cinder.action(id, new JsonObject().put("os-set_bootable", new JsonObject().put("bootable", "false")));
        assertThat(cinder.show(id).getString("bootable")).isEqualTo("false");
        assertThat(cinder.action(id, new JsonObject().put("os-set_bootable", new JsonObject().put("bootable", "x")))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void reserveAndUnreserve() {
        assertThat(cinder.action(id, new JsonObject().put("os-reserve", new JsonObject())).statusCode())
                .isEqualTo(202);
        assertThat(cinder.show(id).getString("status")).isEqualTo("attaching");
        assertThat(message(400, new JsonObject().put("os-reserve", new JsonObject())))
                .isEqualTo("Invalid volume: Volume status must be available to reserve, but the status is attaching.");
        assertThat(cinder.action(id, new JsonObject().put("os-unreserve", new JsonObject())).statusCode())
                .isEqualTo(202);
        assertThat(cinder.show(id).getString("status")).isEqualTo("available");
    }

    @Test
    void attachBeginAndRollDetachingThenDetach() {
        assertThat(cinder.action(id, new JsonObject().put("os-attach", new JsonObject()
                .put("instance_uuid", SERVER).put("mountpoint", "/dev/vdb"))).statusCode()).isEqualTo(202);
        JsonObject attached = cinder.show(id);
        assertThat(attached.getString("status")).isEqualTo("in-use");
        assertThat(attached.getJsonArray("attachments").getJsonObject(0).getString("server_id")).isEqualTo(SERVER);
        assertThat(attached.getJsonArray("attachments").getJsonObject(0).getString("device")).isEqualTo("/dev/vdb");
        assertThat(attached.getJsonObject("metadata").getString("readonly")).isEqualTo("False");
        assertThat(cinder.action(id, new JsonObject().put("os-begin_detaching", new JsonObject())).statusCode())
                .isEqualTo(202);
        assertThat(cinder.show(id).getString("status")).isEqualTo("detaching");
        cinder.action(id, new JsonObject().put("os-roll_detaching", new JsonObject()));
        assertThat(cinder.show(id).getString("status")).isEqualTo("in-use");
        assertThat(cinder.action(id, new JsonObject().put("os-detach", new JsonObject())).statusCode())
                .isEqualTo(202);
        assertThat(cinder.show(id).getString("status")).isEqualTo("available");
        assertThat(cinder.show(id).getJsonArray("attachments")).isEmpty();
        assertThat(message(400, new JsonObject().put("os-begin_detaching", new JsonObject())))
                .startsWith("Invalid volume: Unable to detach volume.");
    }

    @Test
    void attachValidatesAndAReadonlyVolumeAttachesReadOnly() {
        assertThat(cinder.action(id, new JsonObject().put("os-attach", new JsonObject().put("instance_uuid", SERVER)))
                .statusCode()).as("no mountpoint").isEqualTo(400);
        cinder.action(id, new JsonObject().put("os-update_readonly_flag", new JsonObject().put("readonly", true)));
        assertThat(message(400, new JsonObject().put("os-attach", new JsonObject().put("instance_uuid", SERVER)
                .put("mountpoint", "/dev/vdb")))).isEqualTo("Invalid attaching mode 'rw' for volume " + id + ".");
        assertThat(cinder.action(id, new JsonObject().put("os-attach", new JsonObject().put("instance_uuid", SERVER)
                .put("mountpoint", "/dev/vdb").put("mode", "ro"))).statusCode()).isEqualTo(202);
        assertThat(cinder.action("nope", new JsonObject().put("os-detach", new JsonObject())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void uploadMakesAGlanceImageWhileTheVolumeIsUploading() {
        var answer = cinder.action(id, new JsonObject().put("os-volume_upload_image", new JsonObject()
                .put("image_name", "from-volume").put("disk_format", "qcow2")));
        JsonObject upload = cinder.json(answer, 202).getJsonObject("os-volume_upload_image");
        assertThat(upload.getString("status")).isEqualTo("uploading");
        assertThat(upload.getString("image_name")).isEqualTo("from-volume");
        assertThat(upload.getString("disk_format")).isEqualTo("qcow2");
        assertThat(upload.getString("container_format")).isEqualTo("bare");
        assertThat(upload.getJsonObject("volume_type").getString("name")).isEqualTo("__DEFAULT__");
        assertThat(cinder.show(id).getString("status")).isEqualTo("uploading");
        var images = cinder.sandbox.server.cloud(CinderClient.CLOUD).orElseThrow().images();
        assertThat(images.find(upload.getString("image_id")).orElseThrow().status()).isEqualTo("queued");
        cinder.step();
        assertThat(cinder.show(id).getString("status")).isEqualTo("available");
        var image = images.find(upload.getString("image_id")).orElseThrow();
        assertThat(image.status()).isEqualTo("active");
        assertThat(image.owner()).isEqualTo(cinder.project);
        assertThat(image.content().size()).isEqualTo(1L << 30);
        cinder.action(id, new JsonObject().put("os-reserve", new JsonObject()));
        assertThat(message(400, new JsonObject().put("os-volume_upload_image", new JsonObject()
                .put("image_name", "again")))).isEqualTo("Invalid volume: Volume " + id + " status must be available");
        assertThat(cinder.action(id, new JsonObject().put("os-volume_upload_image", new JsonObject()))
                .statusCode()).as("no image_name").isEqualTo(400);
    }

    @Test
    void adminActionsAreForbiddenAndUnknownActionsBadRequests() {
        assertThat(message(403, new JsonObject().put("os-reset_status", new JsonObject().put("status", "error"))))
                .isEqualTo("Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.");
        assertThat(message(403, new JsonObject().put("os-force_delete", new JsonObject())))
                .contains("force_delete");
        assertThat(message(400, new JsonObject().put("os-nothing", new JsonObject())))
                .startsWith("There is no such action: os-nothing");
        assertThat(cinder.call("POST", "/volumes/" + id + "/action", "{}").statusCode()).isEqualTo(400);
    }
}
