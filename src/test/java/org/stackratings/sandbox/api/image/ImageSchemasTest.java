package org.stackratings.sandbox.api.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackratings.sandbox.SandboxFixture;

/** Glance's schemas, version documents and discovery documents. */
class ImageSchemasTest {

    private static SandboxFixture sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        token = sandbox.token("alpha", "alpha-secret");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"image, image", "images, images", "member, member", "members, members",
            "metadefs/namespace, namespace", "metadefs/namespaces, namespaces",
            "metadefs/resource_type, resource_type_association",
            "metadefs/resource_types, resource_type_associations", "metadefs/object, object",
            "metadefs/objects, objects", "metadefs/property, property", "metadefs/properties, properties",
            "metadefs/tag, tag", "metadefs/tags, tags"})
    void servesEverySchemaUnderItsName(String path, String name) {
        var answer = sandbox.get("/alpha/image/v2/schemas/" + path, token);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject schema = SandboxFixture.json(answer);
        assertThat(schema.getString("name")).isEqualTo(name);
        assertThat(schema.getJsonObject("properties")).isNotEmpty();
    }

    @Test
    void theImageSchemaDescribesReadOnlyAttributesAndStringProperties() {
        JsonObject schema = SandboxFixture.json(sandbox.get("/alpha/image/v2/schemas/image", token));
        JsonObject p = schema.getJsonObject("properties");
        assertThat(p.getJsonObject("status").getBoolean("readOnly")).isTrue();
        assertThat(p.getJsonObject("visibility").getJsonArray("enum").getList())
                .containsExactlyInAnyOrder("public", "private", "shared", "community");
        assertThat(p.getJsonObject("os_hash_value").getInteger("maxLength")).isEqualTo(128);
        assertThat(p.getJsonObject("disk_format").getJsonArray("enum").getList()).contains("qcow2", "raw", null);
        assertThat(schema.getJsonObject("additionalProperties").getString("type")).isEqualTo("string");
    }

    @Test
    void versionsAndDiscovery() {
        var versions = sandbox.get("/alpha/image/", null);
        assertThat(versions.statusCode()).isEqualTo(300);
        assertThat(SandboxFixture.json(versions).getJsonArray("versions").getJsonObject(0).getString("status"))
                .isEqualTo("CURRENT");
        assertThat(sandbox.get("/alpha/image/versions", null).statusCode()).isEqualTo(200);
        JsonObject methods = SandboxFixture.json(sandbox.get("/alpha/image/v2/info/import", token));
        assertThat(methods.getJsonObject("import-methods").getJsonArray("value")).isEmpty();
        assertThat(sandbox.get("/alpha/image/v2/info/stores", token).statusCode()).isEqualTo(404);
        JsonObject usage = SandboxFixture.json(sandbox.get("/alpha/image/v2/info/usage", token))
                .getJsonObject("usage");
        assertThat(usage.getJsonObject("image_count_total").getLong("usage")).isZero();
        assertThat(usage.getJsonObject("image_count_total").getLong("limit")).isPositive();
    }
}
