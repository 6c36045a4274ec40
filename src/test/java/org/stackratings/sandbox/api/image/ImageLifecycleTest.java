package org.stackratings.sandbox.api.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.state.CloudInventory;

/** Glance's image lifecycle: create (queued), upload (active with size and hashes), download, deactivate, delete. */
class ImageLifecycleTest {

    private static SandboxFixture sandbox;
    private static GlanceClient glance;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        glance = new GlanceClient(sandbox, sandbox.token("alpha", "alpha-secret"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void createsAQueuedImageWithEveryFieldGlanceReturns() {
        HttpResponse<String> answer = glance.create(new JsonObject().put("name", "fresh").put("disk_format", "raw")
                .put("container_format", "bare").put("min_ram", 64).put("ramdisk_id",
                        "00000000-1111-2222-3333-444455556666").put("tags", new io.vertx.core.json.JsonArray()
                        .add("a").add("a").add("b")));
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonObject image = SandboxFixture.json(answer);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/alpha/image/v2/images/" + image.getString("id")));
        assertThat(image.getString("status")).isEqualTo("queued");
        assertThat(image.getString("visibility")).as("Glance's default visibility").isEqualTo("shared");
        assertThat(image.getString("ramdisk_id")).isEqualTo("00000000-1111-2222-3333-444455556666");
        assertThat(image.getJsonArray("tags").getList()).containsExactly("a", "b");
        assertThat(image.getInteger("min_ram")).isEqualTo(64);
        assertThat(image.getInteger("min_disk")).isZero();
        assertThat(image.getBoolean("protected")).isFalse();
        assertThat(image.getBoolean("os_hidden")).isFalse();
        for (String empty : new String[] {"checksum", "os_hash_algo", "os_hash_value", "size", "virtual_size"}) {
            assertThat(image.containsKey(empty)).as(empty).isTrue();
            assertThat(image.getValue(empty)).as(empty).isNull();
        }
        assertThat(image.getString("owner")).isNotBlank();
        assertThat(image.getString("self")).isEqualTo("/v2/images/" + image.getString("id"));
        assertThat(image.getString("file")).isEqualTo("/v2/images/" + image.getString("id") + "/file");
        assertThat(image.getString("schema")).isEqualTo("/v2/schemas/image");
        assertThat(image.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(SandboxFixture.json(glance.show(image.getString("id"))).getString("name")).isEqualTo("fresh");
    }

    @Test
    void uploadMakesTheImageActiveAndDownloadGivesTheBytesBack() throws Exception {
        String id = glance.createdRaw("uploaded").getString("id");
        HttpResponse<byte[]> empty = glance.download(id, null);
        assertThat(empty.statusCode()).as("no data yet").isEqualTo(204);
        assertThat(empty.body()).isEmpty();

        byte[] data = new byte[1024];
        new Random(7).nextBytes(data);
        assertThat(glance.upload(id, data).statusCode()).isEqualTo(204);
        JsonObject image = SandboxFixture.json(glance.show(id));
        assertThat(image.getString("status")).isEqualTo("active");
        assertThat(image.getLong("size")).isEqualTo(1024L);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        assertThat(image.getString("checksum")).isEqualTo(md5);
        assertThat(image.getString("os_hash_algo")).isEqualTo("sha512");
        assertThat(image.getString("os_hash_value"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data)));

        HttpResponse<byte[]> file = glance.download(id, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(data);
        assertThat(file.headers().firstValue("Content-MD5")).hasValue(md5);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        HttpResponse<byte[]> part = glance.download(id, "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(10).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/1024");
        assertThat(glance.download(id, "bytes=5000-").statusCode()).isEqualTo(416);

        assertThat(glance.upload(id, data).statusCode()).as("data of an active image").isEqualTo(409);
    }

    @Test
    void uploadNeedsOctetStreamAndFormats() {
        String id = glance.created(new JsonObject().put("name", "no-formats")).getString("id");
        assertThat(glance.upload(id, new byte[] {1}, "text/plain").statusCode()).isEqualTo(415);
        assertThat(glance.upload(id, new byte[] {1}).statusCode()).isEqualTo(400);
        assertThat(SandboxFixture.json(glance.show(id)).getString("status")).isEqualTo("queued");
    }

    @Test
    void deactivatedImagesCannotBeDownloadedUntilReactivated() {
        String id = glance.createdRaw("to-deactivate").getString("id");
        assertThat(glance.call("POST", "/" + id + "/actions/deactivate", null).statusCode())
                .as("a queued image").isEqualTo(403);
        glance.upload(id, new byte[] {1, 2, 3});
        assertThat(glance.call("POST", "/" + id + "/actions/deactivate", null).statusCode()).isEqualTo(204);
        assertThat(SandboxFixture.json(glance.show(id)).getString("status")).isEqualTo("deactivated");
        assertThat(glance.download(id, null).statusCode()).isEqualTo(403);
        assertThat(glance.call("POST", "/" + id + "/actions/reactivate", null).statusCode()).isEqualTo(204);
        assertThat(glance.download(id, null).body()).containsExactly(1, 2, 3);
        String seeded = new CloudInventory("alpha").images().get(0).id();
        assertThat(glance.call("POST", "/" + seeded + "/actions/deactivate", null).statusCode())
                .as("a public image of the admin project").isEqualTo(403);
    }

    @Test
    void deleteRefusesProtectedImagesAndForgetsTheOthers() {
        String id = glance.created(new JsonObject().put("name", "guarded").put("protected", true)).getString("id");
        HttpResponse<String> refused = glance.call("DELETE", "/" + id, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(SandboxFixture.json(refused).getString("message")).contains("is protected");
        assertThat(glance.patch(id, new io.vertx.core.json.JsonArray().add(GlanceClient.op("replace", "/protected",
                false))).statusCode()).isEqualTo(200);
        assertThat(glance.call("DELETE", "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(glance.show(id).statusCode()).isEqualTo(404);
        assertThat(glance.call("DELETE", "/" + id, null).statusCode()).isEqualTo(404);
        assertThat(glance.show("").statusCode()).as("GET /v2/images/").isEqualTo(404);
        String seeded = new CloudInventory("alpha").images().get(0).id();
        assertThat(glance.call("DELETE", "/" + seeded, null).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesWhatGlanceRefusesOnCreate() {
        assertThat(glance.create(new JsonObject().put("container_format", "wrong")).statusCode()).isEqualTo(400);
        assertThat(glance.create(new JsonObject().put("disk_format", "wrong")).statusCode()).isEqualTo(400);
        assertThat(glance.create(new JsonObject().put("min_ram", -1)).statusCode()).isEqualTo(400);
        assertThat(glance.create(new JsonObject().put("name", "x".repeat(256))).statusCode()).isEqualTo(400);
        assertThat(glance.create(new JsonObject().put("id", "not-a-uuid")).statusCode()).isEqualTo(400);
        assertThat(glance.create(new JsonObject().put("extra", 5)).statusCode()).as("a non-string property")
                .isEqualTo(400);
        assertThat(glance.create(new JsonObject().put("os_glance_foo", "bar")).statusCode()).isEqualTo(403);
        assertThat(glance.create(new JsonObject().put("status", "active")).statusCode()).isEqualTo(403);
        assertThat(glance.create(new JsonObject().put("self", "/x")).statusCode()).isEqualTo(403);
        assertThat(glance.create(new JsonObject().put("visibility", "public")).statusCode()).isEqualTo(403);
        assertThat(glance.create(new JsonObject().put("owner", "someone-else")).statusCode()).isEqualTo(403);
        assertThat(sandbox.call("POST", GlanceClient.IMAGES, sandbox.token("alpha", "alpha-secret"), "[1]")
                .statusCode()).isEqualTo(400);
        String id = "00000000-1111-2222-3333-444455556677";
        assertThat(glance.create(new JsonObject().put("id", id)).statusCode()).isEqualTo(201);
        assertThat(glance.create(new JsonObject().put("id", id)).statusCode()).isEqualTo(409);
    }

    @Test
    void novaCanBootAnUploadedImageButNotAQueuedOne() {
        String id = glance.created(new JsonObject().put("name", "bootable").put("disk_format", "qcow2")
                .put("container_format", "bare").put("min_ram", 128)).getString("id");
        var store = sandbox.server.cloud("alpha").orElseThrow().images();
        assertThat(store.bootable(id)).as("queued").isEmpty();
        glance.upload(id, new byte[] {9, 9});
        assertThat(store.bootable(id)).hasValueSatisfying(i -> {
            assertThat(i.minRamMb()).isEqualTo(128);
            assertThat(i.sizeBytes()).isEqualTo(2);
        });
        JsonObject server = new JsonObject().put("name", "from-glance").put("flavorRef", "2").put("imageRef", id);
        HttpResponse<String> booted = sandbox.call("POST", "/alpha/compute/v2.1/servers",
                sandbox.token("alpha", "alpha-secret"), new JsonObject().put("server", server).encode());
        assertThat(booted.statusCode()).isEqualTo(202);
    }
}
