package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.sandbox.SandboxFixture;

/** The createImage action (server snapshots on the sandbox clock) and the boot checks against the image. */
class ServerSnapshotTest {

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    private static String message(HttpResponse<String> r) {
        return SandboxFixture.json(r).getJsonObject("badRequest").getString("message");
    }

    private JsonObject proxied(String id) {
        return nova.ok(nova.call("GET", ImageProxyTest.IMAGES + "/" + id, null), 200).getJsonObject("image");
    }

    @Test
    void aSnapshotIsQueuedThenSavingThenActiveWhileTheServerSnapshots() {
        String server = nova.activeServer("snap");
        HttpResponse<String> created = nova.action(server, "createImage",
                new JsonObject().put("name", "snap-1").put("metadata", new JsonObject().put("image_type", "test")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/nova/image/images/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        assertThat(proxied(id).getString("status")).isEqualTo("SAVING");
        assertThat(nova.show(server).getString("OS-EXT-STS:task_state")).isEqualTo("image_snapshot");
        assertThat(nova.show(server).getString("status")).isEqualTo("ACTIVE");
        HttpResponse<String> second = nova.action(server, "createImage", new JsonObject().put("name", "snap-2"));
        assertThat(second.statusCode()).isEqualTo(409);

        nova.clock.advance(Duration.ofSeconds(1));
        assertThat(SandboxFixture.json(nova.call("GET", ImageProxyTest.GLANCE + "/" + id, null))
                .getString("status")).isEqualTo("saving");
        nova.clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACTIVE".equals(proxied(id).getString("status")));
        JsonObject image = proxied(id);
        assertThat(image.getString("name")).isEqualTo("snap-1");
        assertThat(image.getJsonObject("metadata").getString("image_type")).isEqualTo("test");
        assertThat(image.getJsonObject("metadata").getString("instance_uuid")).isEqualTo(server);
        assertThat(image.getJsonObject("server").getString("id")).isEqualTo(server);
        assertThat(image.getInteger("minDisk")).isEqualTo(nova.inventory.flavor("1").orElseThrow().diskGb());
        assertThat(nova.show(server).getValue("OS-EXT-STS:task_state")).isNull();
        assertThat(SandboxFixture.json(nova.call("GET", ImageProxyTest.IMAGES + "?server=" + server, null))
                .getJsonArray("images")).hasSize(1);
    }

    @Test
    void from245TheAnswerNamesTheImageAndASnapshotBootsAServer() {
        String server = nova.activeServer("snap45");
        HttpResponse<String> created = nova.action(server, "createImage", new JsonObject().put("name", "s"), "2.45");
        assertThat(created.statusCode()).isEqualTo(202);
        assertThat(created.headers().firstValue("Location")).isEmpty();
        String id = SandboxFixture.json(created).getString("image_id");
        JsonObject boot = nova.serverBody("from-snapshot");
        boot.getJsonObject("server").put("imageRef", id);
        assertThat(message(nova.call("POST", NovaTestCloud.SERVERS, boot))).isEqualTo("Image " + id + " is not active.");
        nova.clock.advance(Duration.ofSeconds(2));
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, boot).statusCode()).isEqualTo(202);
    }

    @Test
    void aSnapshotNeedsAValidNameAndAServerThatIsNotBuilding() {
        String server = nova.activeServer("bad");
        assertThat(nova.action(server, "createImage", new JsonObject().put("name", "a".repeat(256))).statusCode())
                .isEqualTo(400);
        assertThat(nova.action(server, "createImage", new JsonObject().put("name", "m")
                .put("metadata", new JsonObject().put("", ""))).statusCode()).isEqualTo(400);
        String building = nova.ok(nova.call("POST", NovaTestCloud.SERVERS, nova.serverBody("b")), 202)
                .getJsonObject("server").getString("id");
        assertThat(nova.action(building, "createImage", new JsonObject().put("name", "x")).statusCode())
                .isEqualTo(409);
        assertThat(nova.action("nope", "createImage", new JsonObject().put("name", "x")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBootChecksTheImageAgainstTheFlavor() {
        String big = ImageProxyTest.glanceImage(nova, new JsonObject().put("name", "big").put("min_ram", 1 << 20),
                true);
        String wide = ImageProxyTest.glanceImage(nova, new JsonObject().put("name", "wide").put("min_disk", 10000),
                true);
        JsonObject boot = nova.serverBody("checked");
        boot.getJsonObject("server").put("imageRef", big);
        assertThat(message(nova.call("POST", NovaTestCloud.SERVERS, boot)))
                .isEqualTo("Flavor's memory is too small for requested image.");
        boot.getJsonObject("server").put("imageRef", wide);
        assertThat(message(nova.call("POST", NovaTestCloud.SERVERS, boot)))
                .isEqualTo("Flavor's disk is too small for requested image.");
        boot.getJsonObject("server").put("imageRef", "00000000-0000-0000-0000-000000000000");
        assertThat(message(nova.call("POST", NovaTestCloud.SERVERS, boot))).isEqualTo("Can not find requested image");
        boot = nova.serverBody("flavorless");
        boot.getJsonObject("server").put("flavorRef", "nope");
        assertThat(message(nova.call("POST", NovaTestCloud.SERVERS, boot))).isEqualTo("Invalid flavorRef provided.");
    }

    @Test
    void backupsBeyondTheRotationAreDeleted() {
        String server = nova.activeServer("backed");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonObject backup = new JsonObject().put("name", "b" + i).put("backup_type", "daily").put("rotation", 2);
            HttpResponse<String> created = nova.action(server, "createBackup", backup, "2.45");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            ids.add(SandboxFixture.json(created).getString("image_id"));
            assertThat(nova.show(server).getString("OS-EXT-STS:task_state")).isEqualTo("image_backup");
            nova.clock.advance(Duration.ofSeconds(2));
        }
        assertThat(nova.call("GET", ImageProxyTest.GLANCE + "/" + ids.get(0), null).statusCode()).isEqualTo(404);
        JsonObject newest = proxied(ids.get(2));
        assertThat(newest.getJsonObject("metadata").getString("image_type")).isEqualTo("backup");
        assertThat(newest.getJsonObject("metadata").getString("backup_type")).isEqualTo("daily");
        assertThat(proxied(ids.get(1)).getString("status")).isEqualTo("ACTIVE");
        assertThat(nova.action(server, "createBackup", new JsonObject().put("name", "x").put("backup_type", "daily")
                .put("rotation", -1)).statusCode()).isEqualTo(400);
    }
}
