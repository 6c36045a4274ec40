package org.stackratings.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** The read-only and negative calls the compliance probe makes, with their status and JSON shape. */
class ComplianceEndpointsTest {

    private static final String PROJECT_ID = "0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a";
    private static final String RANDOM_UUID = "5a0e7f3c-1b2d-4c6e-8f9a-0b1c2d3e4f5a";
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

    private static JsonObject ok(String path) {
        HttpResponse<String> r = sandbox.get("/alpha" + path, token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return SandboxFixture.json(r);
    }

    private static HttpResponse<String> tokenCall(String method, String subject) {
        return sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl()
                        + "/alpha/identity/v3/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", subject)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void keystoneVersionCatalogAndTokens() {
        JsonObject version = SandboxFixture.json(sandbox.get("/alpha/identity/v3", null)).getJsonObject("version");
        assertThat(version.getString("id")).isEqualTo("v3.14");
        assertThat(version.getString("status")).isEqualTo("stable");
        assertThat(version.getJsonArray("links")).isNotEmpty();
        assertThat(version.getJsonArray("media-types")).isNotEmpty();
        assertThat(version.getString("updated")).isNotBlank();
        JsonArray catalog = ok("/identity/v3/auth/catalog").getJsonArray("catalog");
        assertThat(catalog.stream().map(e -> ((JsonObject) e).getString("type")))
                .contains("identity", "compute", "image", "network", "volumev3");

        String subject = sandbox.token("alpha", "alpha-secret");
        HttpResponse<String> head = tokenCall("HEAD", subject);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> get = tokenCall("GET", subject);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(get).getJsonObject("token").getString("expires_at")).isNotBlank();
        assertThat(tokenCall("DELETE", subject).statusCode()).isEqualTo(204);
        assertThat(tokenCall("HEAD", subject).statusCode()).isEqualTo(404);
        assertThat(tokenCall("GET", subject).statusCode()).isEqualTo(404);
    }

    @Test
    void novaVersionsZonesAndFlavors() {
        JsonArray versions = SandboxFixture.json(sandbox.get("/alpha/compute/", null)).getJsonArray("versions");
        assertThat(versions.stream().map(v -> ((JsonObject) v).getString("id"))).containsExactly("v2.0", "v2.1");
        JsonObject zone = ok("/compute/v2.1/os-availability-zone").getJsonArray("availabilityZoneInfo")
                .getJsonObject(0);
        assertThat(zone.getString("zoneName")).isEqualTo("nova");
        assertThat(zone.getJsonObject("zoneState").getBoolean("available")).isTrue();
        assertThat(zone.containsKey("hosts")).isTrue();
        assertThat(zone.getValue("hosts")).isNull();
        assertThat(ok("/compute/v2.1/flavors").getJsonArray("flavors")).hasSize(3);
        assertThat(ok("/compute/v2.1/flavors/detail").getJsonArray("flavors").getJsonObject(0).getInteger("ram"))
                .isPositive();
    }

    @Test
    void novaQuotaSets() {
        for (String path : new String[] {"/compute/v2.1/os-quota-sets/" + PROJECT_ID,
            "/compute/v2.1/os-quota-sets/" + PROJECT_ID + "/defaults",
            "/compute/v2.1/" + PROJECT_ID + "/os-quota-sets/" + PROJECT_ID}) {
            JsonObject set = ok(path).getJsonObject("quota_set");
            assertThat(set.getString("id")).isEqualTo(PROJECT_ID);
            assertThat(set.getInteger("instances")).isEqualTo(50);
            assertThat(set.fieldNames()).contains("cores", "ram", "key_pairs", "metadata_items", "server_groups",
                    "server_group_members", "injected_files");
        }
        JsonObject detail = ok("/compute/v2.1/os-quota-sets/" + PROJECT_ID + "/detail").getJsonObject("quota_set");
        assertThat(detail.getJsonObject("instances").fieldNames()).containsExactlyInAnyOrder("in_use", "limit",
                "reserved");
        HttpResponse<String> other = sandbox.get("/alpha/compute/v2.1/os-quota-sets/ffff", token);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(SandboxFixture.json(other).getJsonObject("forbidden")).isNotNull();
        assertThat(ok("/compute/v2.1/os-quota-sets/ffff/defaults").getJsonObject("quota_set").getString("id"))
                .isEqualTo("ffff");
        assertThat(sandbox.get("/alpha/compute/v2.1/os-quota-sets/" + PROJECT_ID, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void novaServerNegatives() {
        HttpResponse<String> missing = sandbox.get("/alpha/compute/v2.1/servers/" + RANDOM_UUID, token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(missing).getJsonObject("itemNotFound").getInteger("code")).isEqualTo(404);
        HttpResponse<String> limit = sandbox.get("/alpha/compute/v2.1/servers?limit=-1", token);
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(SandboxFixture.json(limit).getJsonObject("badRequest").getString("message"))
                .isEqualTo("limit param must be positive");
    }

    @Test
    void glance() {
        JsonObject images = ok("/image/v2/images?status=active&limit=2");
        assertThat(images.getJsonArray("images")).hasSize(2);
        assertThat(images.getString("first")).isNotBlank();
        JsonObject schema = ok("/image/v2/schemas/image");
        assertThat(schema.getString("name")).isEqualTo("image");
        assertThat(schema.getJsonObject("properties").fieldNames()).contains("id", "name", "status");
        HttpResponse<String> missing = sandbox.get("/alpha/image/v2/images/" + RANDOM_UUID, token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(missing).getInteger("code")).isEqualTo(404);
    }

    @Test
    void neutronVersions() {
        JsonObject version = SandboxFixture.json(sandbox.get("/alpha/network/", null)).getJsonArray("versions")
                .getJsonObject(0);
        assertThat(version.getString("id")).isEqualTo("v2.0");
        assertThat(version.getString("status")).isEqualTo("CURRENT");
        assertThat(version.getJsonArray("links")).isNotEmpty();
    }

    @Test
    void cinder() {
        String v3 = "/volume/v3/" + PROJECT_ID;
        assertThat(sandbox.get("/alpha/volume/", null).statusCode()).isEqualTo(300);
        assertThat(ok(v3 + "/volumes").getJsonArray("volumes")).hasSize(2);
        assertThat(ok(v3 + "/volumes/detail").getJsonArray("volumes")).hasSize(2);
        assertThat(ok(v3 + "/volumes/detail?status=no-such-status").getJsonArray("volumes")).isEmpty();
        assertThat(ok(v3 + "/volumes?status=no-such-status").getJsonArray("volumes")).isEmpty();
        assertThat(ok(v3 + "/volumes?name=no-such-volume").getJsonArray("volumes")).isEmpty();
        assertThat(ok(v3 + "/volumes/detail?status=available&bootable=true").getJsonArray("volumes")).hasSize(1);
        JsonObject page = ok(v3 + "/volumes?limit=1");
        assertThat(page.getJsonArray("volumes")).hasSize(1);
        String next = page.getJsonArray("volumes_links").getJsonObject(0).getString("href");
        assertThat(ok(v3 + "/volumes" + next.substring(next.indexOf('?'))).getJsonArray("volumes")).hasSize(1);

        HttpResponse<String> missing = sandbox.get("/alpha" + v3 + "/volumes/" + RANDOM_UUID, token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(missing).getJsonObject("itemNotFound").getInteger("code")).isEqualTo(404);

        String update = "{\"volume\":{\"name\":\"x\"}}";
        HttpResponse<String> put = sandbox.call("PUT", "/alpha" + v3 + "/volumes/" + RANDOM_UUID, token, update);
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(put).getJsonObject("itemNotFound")).isNotNull();
        assertThat(sandbox.call("PUT", "/alpha" + v3 + "/volumes/", token, update).statusCode()).isEqualTo(404);
        String existing = ok(v3 + "/volumes").getJsonArray("volumes").getJsonObject(0).getString("id");
        HttpResponse<String> own = sandbox.call("PUT", "/alpha" + v3 + "/volumes/" + existing, token,
                "{\"volume\":{\"description\":\"seen by the compliance test\"}}");
        assertThat(own.statusCode()).as("the project's own volume").isEqualTo(200);
        assertThat(SandboxFixture.json(own).getJsonObject("volume").getString("description"))
                .isEqualTo("seen by the compliance test");
        assertThat(sandbox.call("PUT", "/alpha" + v3 + "/volumes/" + RANDOM_UUID, token, "{}").statusCode())
                .isEqualTo(400);

        assertThat(ok(v3 + "/os-availability-zone").getJsonArray("availabilityZoneInfo")).isNotEmpty();
        JsonArray extensions = ok(v3 + "/extensions").getJsonArray("extensions");
        assertThat(extensions).isNotEmpty();
        assertThat(extensions.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("alias", "name",
                "description", "updated", "links");
    }
}
