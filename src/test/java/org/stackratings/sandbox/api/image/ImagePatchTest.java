package org.stackratings.sandbox.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.sandbox.api.image.GlanceClient.op;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackratings.sandbox.SandboxFixture;

/** Glance's JSON patch of an image in both media types, and what it refuses. */
class ImagePatchTest {

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
    void addsReplacesAndRemovesAttributesAndProperties() {
        String id = glance.createdRaw("patched").getString("id");
        HttpResponse<String> answer = glance.patch(id, new JsonArray()
                .add(op("replace", "/name", "renamed"))
                .add(op("add", "/hw_cpu_cores", "4"))
                .add(op("add", "/os_distro", "rhel"))
                .add(op("replace", "/tags", new JsonArray().add("x").add("y")))
                .add(op("add", "/min_disk", 3))
                .add(op("replace", "/os_hidden", true)));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject image = SandboxFixture.json(answer);
        assertThat(image.getString("name")).isEqualTo("renamed");
        assertThat(image.getString("hw_cpu_cores")).isEqualTo("4");
        assertThat(image.getJsonArray("tags").getList()).containsExactly("x", "y");
        assertThat(image.getInteger("min_disk")).isEqualTo(3);
        assertThat(image.getBoolean("os_hidden")).isTrue();

        JsonObject after = SandboxFixture.json(glance.patch(id, new JsonArray().add(op("remove", "/hw_cpu_cores", null))
                .add(op("add", "/os_distro", "debian"))));
        assertThat(after.containsKey("hw_cpu_cores")).isFalse();
        assertThat(after.getString("os_distro")).as("add replaces in v2.1").isEqualTo("debian");
        assertThat(SandboxFixture.json(glance.show(id)).getString("os_distro")).isEqualTo("debian");
    }

    @Test
    void theOldMediaTypeKeysTheOperationAndRefusesToAddWhatIsThere() {
        String id = glance.createdRaw("old-style").getString("id");
        String v20 = "application/openstack-images-v2.0-json-patch";
        HttpResponse<String> renamed = glance.patch(id, v20, new JsonArray()
                .add(new JsonObject().put("replace", "/name").put("value", "new-name")));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(renamed).getString("name")).isEqualTo("new-name");
        assertThat(glance.patch(id, v20, new JsonArray().add(new JsonObject().put("add", "/name").put("value", "n")))
                .statusCode()).isEqualTo(409);
        assertThat(glance.patch(id, v20, new JsonArray().add(new JsonObject().put("add", "/extra").put("value", "1")))
                .statusCode()).isEqualTo(200);
        assertThat(glance.patch(id, v20, new JsonArray().add(new JsonObject().put("add", "/extra").put("value", "2")))
                .statusCode()).isEqualTo(409);
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource({
            "replace, /status, active, 403",
            "replace, /id, 00000000-0000-0000-0000-000000000000, 403",
            "add, /checksum, abc, 403",
            "add, /os_glance_foo, bar, 403",
            "replace, /owner, someone, 403",
            "add, /deleted, x, 403",
            "remove, /name, , 403",
            "replace, /visibility, public, 403",
            "replace, /visibility, bogus, 400",
            "replace, /missing_property, x, 409",
            "remove, /missing_property, , 409",
            "add, /a/b, x, 400",
            "add, name, x, 400",
            "move, /name, x, 400",
            "replace, /min_ram, -5, 400",
            "replace, /protected, yes, 400"})
    void refusesWhatGlanceRefuses(String op, String path, String value, int status) {
        String id = glance.createdRaw("refused-" + op).getString("id");
        Object typed = value == null ? null : value.matches("-?\\d+") ? (Object) Integer.parseInt(value) : value;
        JsonObject change = new JsonObject().put("op", op).put("path", path);
        if (!op.equals("remove")) {
            change.put("value", typed);
        }
        HttpResponse<String> answer = glance.patch(id, new JsonArray().add(change));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(SandboxFixture.json(answer).getString("message")).isNotBlank();
    }

    @Test
    void refusesOtherMediaTypesAndBodies() {
        String id = glance.createdRaw("bodies").getString("id");
        HttpResponse<String> json = glance.patch(id, "application/json", new JsonArray());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Accept-Patch")).hasValueSatisfying(
                v -> assertThat(v).contains("application/openstack-images-v2.1-json-patch"));
        assertThat(glance.patch(id, new JsonArray().add("not an object")).statusCode()).isEqualTo(400);
        assertThat(glance.patch(id, new JsonArray().add(new JsonObject().put("op", "add").put("path", "/x")))
                .statusCode()).as("no value").isEqualTo(400);
        String fresh = glance.createdRaw("formats").getString("id");
        glance.upload(fresh, new byte[] {1});
        assertThat(glance.patch(fresh, new JsonArray().add(op("replace", "/disk_format", "qcow2"))).statusCode())
                .as("formats of an active image").isEqualTo(403);
        assertThat(SandboxFixture.json(glance.show(fresh)).getString("disk_format")).isEqualTo("raw");
    }
}
