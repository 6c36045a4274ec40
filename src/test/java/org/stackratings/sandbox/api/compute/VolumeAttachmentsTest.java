package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.sandbox.state.volume.VolumeStore;

/** Nova's os-volume_attachments over the cloud's Cinder volumes: attach, list, show, detach, and a server's delete. */
class VolumeAttachmentsTest {

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    private String availableVolume() {
        return nova.availableVolume(new JsonObject());
    }

    private JsonObject volume(String id) {
        return nova.volume(id);
    }

    private String attachments(String server) {
        return NovaTestCloud.SERVERS + "/" + server + "/os-volume_attachments";
    }

    @Test
    void anAttachedVolumeIsInUseAndShownOnBothSidesUntilDetached() {
        String server = nova.activeServer("with-volume");
        String volume = availableVolume();
        JsonObject attached = nova.ok(nova.call("POST", attachments(server),
                new JsonObject().put("volumeAttachment", new JsonObject().put("volumeId", volume))), 200)
                .getJsonObject("volumeAttachment");
        assertThat(attached.getString("device")).isEqualTo("/dev/vdb");
        assertThat(attached.getString("serverId")).isEqualTo(server);
        assertThat(volume(volume).getString("status")).isEqualTo("attaching");
        nova.clock.advance(VolumeStore.STEP);
        JsonObject inUse = volume(volume);
        assertThat(inUse.getString("status")).isEqualTo("in-use");
        assertThat(inUse.getJsonArray("attachments")).hasSize(1);
        assertThat(nova.show(server).getJsonArray("os-extended-volumes:volumes_attached").getJsonObject(0)
                .getString("id")).isEqualTo(volume);
        assertThat(nova.ok(nova.call("GET", attachments(server), null), 200).getJsonArray("volumeAttachments"))
                .hasSize(1);
        assertThat(nova.ok(nova.call("GET", attachments(server) + "/" + volume, null), 200)
                .getJsonObject("volumeAttachment").getString("volumeId")).isEqualTo(volume);

        assertThat(nova.call("POST", attachments(server), new JsonObject().put("volumeAttachment",
                new JsonObject().put("volumeId", volume))).statusCode()).as("in use already").isEqualTo(400);
        assertThat(nova.call("DELETE", attachments(server) + "/" + volume, null).statusCode()).isEqualTo(202);
        assertThat(volume(volume).getString("status")).isEqualTo("detaching");
        nova.clock.advance(VolumeStore.STEP);
        assertThat(volume(volume).getString("status")).isEqualTo("available");
        assertThat(volume(volume).getJsonArray("attachments")).isEmpty();
        assertThat(nova.show(server).getJsonArray("os-extended-volumes:volumes_attached")).isEmpty();
        assertThat(nova.call("GET", attachments(server) + "/" + volume, null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingTheServerFreesItsVolumes() {
        String server = nova.activeServer("goes");
        String volume = availableVolume();
        nova.ok(nova.call("POST", attachments(server), new JsonObject().put("volumeAttachment",
                new JsonObject().put("volumeId", volume))), 200);
        nova.clock.advance(VolumeStore.STEP);
        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + server, null).statusCode()).isEqualTo(204);
        nova.clock.advance(Duration.ofSeconds(5));
        assertThat(volume(volume).getString("status")).isEqualTo("available");
    }

    @Test
    void refusesWhatNovaRefuses() {
        String server = nova.activeServer("refuses");
        assertThat(nova.call("POST", attachments(server), new JsonObject().put("volumeAttachment",
                new JsonObject())).statusCode()).isEqualTo(400);
        assertThat(nova.call("POST", attachments(server), new JsonObject().put("volumeAttachment",
                new JsonObject().put("volumeId", "no-such-volume"))).statusCode()).isEqualTo(404);
        assertThat(nova.call("DELETE", attachments(server) + "/no-such-volume", null).statusCode()).isEqualTo(404);
        assertThat(nova.call("GET", attachments("no-such-server"), null).statusCode()).isEqualTo(404);
    }
}
