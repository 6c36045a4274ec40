package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.sandbox.state.volume.VolumeStore;

/** Nova's block_device_mapping_v2: a server booted from a Cinder volume, the volumes Nova makes, and its refusals. */
class BootFromVolumeTest {

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    private String image() {
        return nova.inventory.images().get(0).id();
    }

    private JsonObject fromVolumes(String name, JsonArray mapping) {
        JsonObject body = nova.serverBody(name);
        body.getJsonObject("server").put("imageRef", "").put("block_device_mapping_v2", mapping);
        return body;
    }

    private static JsonObject device(String source, String uuid, String destination, Integer bootIndex) {
        JsonObject d = new JsonObject().put("source_type", source).put("destination_type", destination);
        if (uuid != null) {
            d.put("uuid", uuid);
        }
        return bootIndex == null ? d : d.put("boot_index", bootIndex);
    }

    @Test
    void aServerBootedFromAVolumeShowsNoImageAndItsRootVolumeGoesWithItWhenAsked() {
        String root = nova.availableVolume(new JsonObject().put("imageRef", image()));
        String id = nova.ok(nova.call("POST", NovaTestCloud.SERVERS, fromVolumes("bfv", new JsonArray()
                .add(device("volume", root, "volume", 0).put("delete_on_termination", true)))), 202)
                .getJsonObject("server").getString("id");
        assertThat(nova.volume(root).getString("status")).isEqualTo("attaching");
        nova.clock.advance(Duration.ofSeconds(5));

        JsonObject server = nova.show(id, "2.3");
        assertThat(server.getString("status")).isEqualTo("ACTIVE");
        assertThat(server.getValue("image")).as("Nova shows an empty image for a volume-backed server").isEqualTo("");
        assertThat(server.getJsonArray("os-extended-volumes:volumes_attached").getJsonObject(0).getMap())
                .containsEntry("id", root).containsEntry("delete_on_termination", true);
        assertThat(nova.volume(root).getString("status")).isEqualTo("in-use");
        JsonObject attachment = nova.ok(nova.call("GET", NovaTestCloud.SERVERS + "/" + id + "/os-volume_attachments",
                null), 200).getJsonArray("volumeAttachments").getJsonObject(0);
        assertThat(attachment.getString("device")).isEqualTo("/dev/vda");
        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + id + "/os-volume_attachments/" + root, null)
                .statusCode()).as("the root volume stays").isEqualTo(400);

        assertThat(nova.action(id, "rebuild", new JsonObject().put("imageRef", image())).body())
                .contains("volume-backed");

        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(nova.volume(root).getString("status")).isEqualTo("deleting");
        nova.clock.advance(VolumeStore.STEP);
        assertThat(nova.call("GET", nova.volumes() + "/" + root, null).statusCode()).isEqualTo(404);
    }

    @Test
    void novaMakesTheVolumesOfImageAndBlankSourcesAndKeepsThoseNotMarkedForDeletion() {
        String id = nova.ok(nova.call("POST", NovaTestCloud.SERVERS, fromVolumes("made", new JsonArray()
                .add(device("image", image(), "volume", 0).put("volume_size", 2))
                .add(device("blank", null, "volume", null).put("volume_size", 1)))), 202)
                .getJsonObject("server").getString("id");
        nova.clock.advance(Duration.ofSeconds(5));
        JsonArray attached = nova.show(id).getJsonArray("os-extended-volumes:volumes_attached");
        assertThat(attached).hasSize(2);
        JsonObject rootVolume = nova.volume(attached.getJsonObject(0).getString("id"));
        assertThat(rootVolume.getInteger("size")).isEqualTo(2);
        assertThat(rootVolume.getString("bootable")).isEqualTo("true");
        assertThat(rootVolume.getString("status")).isEqualTo("in-use");
        String data = attached.getJsonObject(1).getString("id");
        assertThat(nova.volume(data).getString("bootable")).isEqualTo("false");

        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + id, null).statusCode()).isEqualTo(204);
        nova.clock.advance(Duration.ofSeconds(5));
        assertThat(nova.volume(data).getString("status")).isEqualTo("available");
    }

    @Test
    void refusesWhatNovaRefuses() {
        String plain = nova.availableVolume(new JsonObject());
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, fromVolumes("not-bootable", new JsonArray()
                .add(device("volume", plain, "volume", 0)))).body()).contains("is not bootable");
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, fromVolumes("missing", new JsonArray()
                .add(device("volume", "0b6f1c3e-0000-4000-8000-000000000000", "volume", 0)))).statusCode())
                .isEqualTo(400);
        JsonObject invalidSecond = nova.serverBody("second");
        invalidSecond.getJsonObject("server").put("block_device_mapping_v2", new JsonArray()
                .add(device("image", image(), "local", 0).put("delete_on_termination", true))
                .add(device("volume", plain, "invalid", null)));
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, invalidSecond).body()).contains("destination_type");
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, fromVolumes("no-boot", new JsonArray()
                .add(device("volume", plain, "volume", 1)))).body()).contains("Boot sequence");
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, fromVolumes("no-size", new JsonArray()
                .add(device("image", image(), "volume", 0)))).body()).contains("non-zero size");
        JsonObject noImage = nova.serverBody("none");
        noImage.getJsonObject("server").remove("imageRef");
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, noImage).body()).contains("Missing imageRef attribute");
        assertThat(nova.volume(plain).getString("status")).as("nothing was attached").isEqualTo("available");
    }
}
