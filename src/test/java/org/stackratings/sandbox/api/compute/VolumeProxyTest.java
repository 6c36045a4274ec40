package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.sandbox.state.volume.VolumeStore;

/** Nova's volume and snapshot proxies (os-volumes, os-snapshots) over the cloud's Cinder, up to 2.35. */
class VolumeProxyTest {

    static final String VOLUMES = NovaTestCloud.V21 + "/os-volumes";
    static final String SNAPSHOTS = NovaTestCloud.V21 + "/os-snapshots";

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    private JsonObject create(JsonObject volume) {
        return nova.ok(nova.call("POST", VOLUMES, new JsonObject().put("volume", volume)), 200)
                .getJsonObject("volume");
    }

    private JsonObject show(String id) {
        return nova.ok(nova.call("GET", VOLUMES + "/" + id, null), 200).getJsonObject("volume");
    }

    /** The ids a list shows, of those in {@code among} (the cloud has volumes of its own). */
    private List<String> ids(String path, List<String> among) {
        JsonArray list = nova.ok(nova.call("GET", path, null), 200).getJsonArray(path.contains("snapshots")
                ? "snapshots" : "volumes");
        return list.stream().map(v -> ((JsonObject) v).getString("id")).filter(among::contains).toList();
    }

    @Test
    void aVolumeMadeThroughNovaIsCindersInNovasNamesAndGoesAvailableOnTheClock() {
        JsonObject made = create(new JsonObject().put("size", "1").put("display_name", "work-volume")
                .put("display_description", "for tempest").put("metadata", new JsonObject().put("Type", "work")));
        assertThat(made.getString("status")).isEqualTo("creating");
        assertThat(made.getString("displayName")).isEqualTo("work-volume");
        assertThat(made.getJsonArray("attachments")).isEqualTo(new JsonArray().add(new JsonObject()));
        assertThat(made.fieldNames()).containsExactlyInAnyOrder("id", "status", "size", "availabilityZone",
                "createdAt", "attachments", "displayName", "displayDescription", "volumeType", "snapshotId",
                "metadata");
        assertThat(made.getString("createdAt")).isEqualTo("2026-11-25T10:00:00.000000");

        nova.clock.advance(VolumeStore.STEP);
        JsonObject shown = show(made.getString("id"));
        assertThat(shown.getString("status")).isEqualTo("available");
        assertThat(shown.getInteger("size")).isEqualTo(1);
        assertThat(shown.getJsonObject("metadata")).isEqualTo(new JsonObject().put("Type", "work"));
        assertThat(shown.getString("volumeType")).isEqualTo("__DEFAULT__");
        assertThat(nova.volume(made.getString("id")).getString("name")).as("the same volume through Cinder")
                .isEqualTo("work-volume");
    }

    @Test
    void listsAreNewestFirstWithOffsetAndLimitAndTheDetailIsTheSame() {
        String a = create(new JsonObject().put("size", 1)).getString("id");
        nova.clock.advance(VolumeStore.STEP);
        String b = create(new JsonObject().put("size", 1)).getString("id");
        nova.clock.advance(VolumeStore.STEP);
        String c = create(new JsonObject().put("size", 1)).getString("id");
        nova.clock.advance(VolumeStore.STEP);
        List<String> made = List.of(a, b, c);
        assertThat(ids(VOLUMES, made)).containsExactly(c, b, a);
        assertThat(ids(VOLUMES + "?limit=2", made)).containsExactly(c, b);
        assertThat(ids(VOLUMES + "/detail?offset=1&limit=1", made)).containsExactly(b);
        assertThat(nova.ok(nova.call("GET", VOLUMES + "/detail", null), 200))
                .isEqualTo(nova.ok(nova.call("GET", VOLUMES, null), 200));
        assertThat(nova.call("GET", VOLUMES + "?offset=-1", null).statusCode()).isEqualTo(400);
        assertThat(nova.call("GET", VOLUMES + "?limit=x", null).statusCode()).isEqualTo(400);
    }

    @Test
    void badSizesUnknownIdsAndTheRemovedMicroversionAreRefused() {
        for (Object size : new Object[] {"#$%", "", "0", 0}) {
            HttpResponse<String> refused = nova.call("POST", VOLUMES,
                    new JsonObject().put("volume", new JsonObject().put("size", size)));
            assertThat(refused.statusCode()).as("size %s", size).isEqualTo(400);
        }
        assertThat(nova.call("POST", VOLUMES, new JsonObject().put("volume", new JsonObject().put("size", 1)
                .put("name", "cinder-style"))).statusCode()).as("Nova's schema has no 'name'").isEqualTo(400);
        assertThat(nova.call("GET", VOLUMES + "/9b1d4a1e-0000-4000-8000-000000000000", null).statusCode())
                .isEqualTo(404);
        assertThat(nova.call("DELETE", VOLUMES + "/invalid-id", null).statusCode()).isEqualTo(404);
        String id = create(new JsonObject().put("size", 1)).getString("id");
        assertThat(nova.call("GET", VOLUMES + "/" + id, null, "2.36").statusCode()).isEqualTo(404);
        assertThat(nova.call("GET", VOLUMES + "/" + id, null, "2.35").statusCode()).isEqualTo(200);
    }

    @Test
    void deleteWaitsForAnAvailableVolumeAndRemovesItOnTheClock() {
        String id = create(new JsonObject().put("size", 1)).getString("id");
        assertThat(nova.call("DELETE", VOLUMES + "/" + id, null).statusCode()).as("still creating").isEqualTo(400);
        nova.clock.advance(VolumeStore.STEP);
        assertThat(nova.call("DELETE", VOLUMES + "/" + id, null).statusCode()).isEqualTo(202);
        assertThat(show(id).getString("status")).isEqualTo("deleting");
        nova.clock.advance(VolumeStore.STEP);
        assertThat(nova.call("GET", VOLUMES + "/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aVolumeAttachedThroughNovaShowsItsServerAndCannotBeDeleted() {
        String server = nova.activeServer("with-volume");
        String id = create(new JsonObject().put("size", 1)).getString("id");
        nova.clock.advance(VolumeStore.STEP);
        nova.ok(nova.call("POST", NovaTestCloud.SERVERS + "/" + server + "/os-volume_attachments",
                new JsonObject().put("volumeAttachment", new JsonObject().put("volumeId", id))), 200);
        nova.clock.advance(VolumeStore.STEP);
        JsonObject attached = show(id);
        assertThat(attached.getString("status")).isEqualTo("in-use");
        assertThat(attached.getJsonArray("attachments")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("id", id).put("volumeId", id).put("serverId", server).put("device", "/dev/vdb")));
        assertThat(nova.call("DELETE", VOLUMES + "/" + id, null).statusCode()).isEqualTo(400);
    }

    @Test
    void snapshotsAreMadeOfAnAvailableVolumeListedShownAndDeleted() {
        String volume = create(new JsonObject().put("size", 2)).getString("id");
        JsonObject early = nova.ok(nova.call("POST", SNAPSHOTS, new JsonObject().put("snapshot",
                new JsonObject().put("volume_id", volume))), 400);
        assertThat(early.encode()).contains("creating");
        nova.clock.advance(VolumeStore.STEP);

        JsonObject snapshot = nova.ok(nova.call("POST", SNAPSHOTS, new JsonObject().put("snapshot",
                new JsonObject().put("volume_id", volume).put("display_name", "snap"))), 200).getJsonObject("snapshot");
        assertThat(snapshot.fieldNames()).containsExactlyInAnyOrder("id", "volumeId", "status", "size", "createdAt",
                "displayName", "displayDescription");
        assertThat(snapshot.getString("volumeId")).isEqualTo(volume);
        assertThat(snapshot.getInteger("size")).isEqualTo(2);
        String id = snapshot.getString("id");
        assertThat(ids(SNAPSHOTS, List.of(id))).containsExactly(id);
        assertThat(ids(SNAPSHOTS + "/detail", List.of(id))).containsExactly(id);
        assertThat(nova.call("DELETE", VOLUMES + "/" + volume, null).statusCode()).as("it has a snapshot")
                .isEqualTo(400);

        nova.clock.advance(VolumeStore.STEP);
        JsonObject shown = nova.ok(nova.call("GET", SNAPSHOTS + "/" + id, null), 200).getJsonObject("snapshot");
        assertThat(shown.getString("status")).isEqualTo("available");
        assertThat(shown.getString("displayName")).isEqualTo("snap");
        assertThat(nova.call("DELETE", SNAPSHOTS + "/" + id, null).statusCode()).isEqualTo(202);
        nova.clock.advance(VolumeStore.STEP);
        assertThat(nova.call("GET", SNAPSHOTS + "/" + id, null).statusCode()).isEqualTo(404);
        assertThat(nova.call("POST", SNAPSHOTS, new JsonObject().put("snapshot", new JsonObject()
                .put("volume_id", volume).put("force", "maybe"))).statusCode()).isEqualTo(400);
    }
}
