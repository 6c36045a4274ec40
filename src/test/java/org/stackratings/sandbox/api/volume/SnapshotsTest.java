package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** Cinder's snapshots API: create on the clock, list and detail, show, update, delete, metadata, volume cascade. */
class SnapshotsTest {

    private CinderClient cinder;
    private String volume;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
        volume = cinder.available(new JsonObject().put("size", 2)).getString("id");
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    private JsonObject create(JsonObject snapshot) {
        return cinder.json(cinder.call("POST", "/snapshots", new JsonObject().put("snapshot", snapshot).encode()),
                202).getJsonObject("snapshot");
    }

    private JsonObject available(String name) {
        JsonObject created = create(new JsonObject().put("volume_id", volume).put("name", name));
        cinder.step();
        return show(created.getString("id"));
    }

    private JsonObject show(String id) {
        return cinder.json(cinder.get("/snapshots/" + id), 200).getJsonObject("snapshot");
    }

    @Test
    void aSnapshotIsCreatingThenAvailable() {
        JsonObject created = create(new JsonObject().put("volume_id", volume).put("name", "s1")
                .put("metadata", new JsonObject().put("k", "v")));
        assertThat(created.getString("status")).isEqualTo("creating");
        assertThat(created.getInteger("size")).isEqualTo(2);
        assertThat(created.getString("volume_id")).isEqualTo(volume);
        assertThat(created.containsKey("os-extended-snapshot-attributes:progress")).as("only show adds it").isFalse();
        String id = created.getString("id");
        assertThat(show(id).getString("os-extended-snapshot-attributes:progress")).isEqualTo("0%");
        cinder.step();
        JsonObject shown = show(id);
        assertThat(shown.getString("status")).isEqualTo("available");
        assertThat(shown.getString("os-extended-snapshot-attributes:project_id")).isEqualTo(cinder.project);
        assertThat(shown.getJsonObject("metadata").getString("k")).isEqualTo("v");
        assertThat(cinder.getAt("3.41", "/snapshots/" + id).body()).contains("\"user_id\"");
    }

    @Test
    void createChecksTheVolume() {
        assertThat(cinder.call("POST", "/snapshots", "{\"snapshot\":{\"volume_id\":null}}").statusCode())
                .isEqualTo(404);
        assertThat(cinder.call("POST", "/snapshots", new JsonObject().put("snapshot", new JsonObject()
                .put("volume_id", "00000000-0000-0000-0000-000000000000")).encode()).statusCode()).isEqualTo(404);
        assertThat(cinder.call("POST", "/snapshots", "{\"snapshot\":{}}").statusCode()).isEqualTo(400);
        assertThat(cinder.call("POST", "/snapshots", new JsonObject().put("snapshot", new JsonObject()
                .put("volume_id", volume).put("bogus", 1)).encode()).statusCode()).isEqualTo(400);
        cinder.action(volume, new JsonObject().put("os-attach", new JsonObject()
                .put("instance_uuid", "0f4e5c7a-1111-4222-8333-944455556666").put("mountpoint", "/dev/vdb")));
        var refused = cinder.call("POST", "/snapshots", new JsonObject().put("snapshot", new JsonObject()
                .put("volume_id", volume).put("force", false)).encode());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SandboxFixture.json(refused).getJsonObject("badRequest").getString("message"))
                .isEqualTo("Invalid volume: Volume " + volume + " status must be available, but current status is:"
                        + " in-use.");
        assertThat(create(new JsonObject().put("volume_id", volume).put("force", true)).getString("status"))
                .isEqualTo("creating");
    }

    @Test
    void listDetailFiltersSortAndPaging() {
        String a = available("a").getString("id");
        cinder.step();
        String b = available("b").getString("id");
        JsonArray plain = cinder.json(cinder.get("/snapshots"), 200).getJsonArray("snapshots");
        assertThat(plain.size()).isEqualTo(2);
        assertThat(plain.getJsonObject(0).getString("id")).as("newest first").isEqualTo(b);
        assertThat(plain.getJsonObject(0).containsKey("os-extended-snapshot-attributes:progress")).isFalse();
        JsonArray detail = cinder.json(cinder.get("/snapshots/detail"), 200).getJsonArray("snapshots");
        assertThat(detail.getJsonObject(0).getString("os-extended-snapshot-attributes:progress")).isEqualTo("100%");
        assertThat(cinder.json(cinder.get("/snapshots?name=a"), 200).getJsonArray("snapshots").size()).isEqualTo(1);
        assertThat(cinder.json(cinder.get("/snapshots?status=creating"), 200).getJsonArray("snapshots")).isEmpty();
        assertThat(cinder.json(cinder.get("/snapshots?sort_key=display_name&sort_dir=asc"), 200)
                .getJsonArray("snapshots").getJsonObject(0).getString("id")).isEqualTo(a);
        JsonObject page = cinder.json(cinder.get("/snapshots?limit=1"), 200);
        assertThat(page.getJsonArray("snapshots").size()).isEqualTo(1);
        assertThat(page.getJsonArray("snapshots_links").getJsonObject(0).getString("href")).contains("marker=" + b);
        assertThat(cinder.json(cinder.get("/snapshots?marker=" + b), 200).getJsonArray("snapshots")
                .getJsonObject(0).getString("id")).isEqualTo(a);
        assertThat(cinder.json(cinder.get("/snapshots?offset=1&limit=3"), 200).getJsonArray("snapshots").size())
                .isEqualTo(1);
        assertThat(cinder.get("/snapshots?limit=x").statusCode()).isEqualTo(400);
        assertThat(cinder.get("/snapshots?sort_key=nope").statusCode()).isEqualTo(400);
        assertThat(cinder.get("/snapshots?marker=nope").statusCode()).isEqualTo(404);
        assertThat(cinder.get("/snapshots?offset=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void updateAndDelete() {
        String id = available("old").getString("id");
        JsonObject updated = cinder.json(cinder.call("PUT", "/snapshots/" + id, new JsonObject().put("snapshot",
                new JsonObject().put("name", "new").put("description", "d")).encode()), 200).getJsonObject("snapshot");
        assertThat(updated.getString("name")).isEqualTo("new");
        assertThat(show(id).getString("description")).isEqualTo("d");
        assertThat(cinder.call("PUT", "/snapshots/" + id, "{\"snapshot\":{}}").statusCode()).isEqualTo(400);
        assertThat(cinder.call("PUT", "/snapshots/nope", "{\"snapshot\":{\"name\":\"x\"}}").statusCode())
                .isEqualTo(404);
        assertThat(cinder.call("DELETE", "/snapshots/" + id, null).statusCode()).isEqualTo(202);
        assertThat(show(id).getString("status")).isEqualTo("deleting");
        assertThat(cinder.call("DELETE", "/snapshots/" + id, null).statusCode()).isEqualTo(400);
        cinder.step();
        assertThat(cinder.get("/snapshots/" + id).statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(cinder.get("/snapshots/" + id)).getJsonObject("itemNotFound")
                .getString("message")).isEqualTo("Snapshot " + id + " could not be found.");
    }

    @Test
    void metadataRoutes() {
        String id = available("m").getString("id");
        String base = "/snapshots/" + id + "/metadata";
        assertThat(cinder.json(cinder.call("POST", base, "{\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}"), 200)
                .getJsonObject("metadata").getMap()).containsOnlyKeys("a", "b");
        assertThat(cinder.json(cinder.call("PUT", base, "{\"metadata\":{\"c\":\"3\"}}"), 200)
                .getJsonObject("metadata").getMap()).containsOnlyKeys("c");
        assertThat(cinder.json(cinder.call("PUT", base + "/c", "{\"meta\":{\"c\":\"4\"}}"), 200)
                .getJsonObject("meta").getString("c")).isEqualTo("4");
        assertThat(cinder.json(cinder.get(base + "/c"), 200).getJsonObject("meta").getString("c")).isEqualTo("4");
        assertThat(cinder.call("DELETE", base + "/c", null).statusCode()).isEqualTo(200);
        var missing = cinder.get(base + "/c");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(missing).getJsonObject("itemNotFound").getString("message"))
                .isEqualTo("Snapshot " + id + " has no metadata with key c.");
    }

    @Test
    void aVolumeWithSnapshotsIsDeletedOnlyWithCascade() {
        String id = available("c").getString("id");
        assertThat(cinder.call("DELETE", "/volumes/" + volume, null).statusCode()).isEqualTo(400);
        assertThat(cinder.call("DELETE", "/volumes/" + volume + "?cascade=true", null).statusCode())
                .isEqualTo(202);
        assertThat(show(id).getString("status")).isEqualTo("deleting");
        cinder.step();
        assertThat(cinder.get("/snapshots/" + id).statusCode()).isEqualTo(404);
        assertThat(cinder.get("/volumes/" + volume).statusCode()).isEqualTo(404);
    }
}
