package org.stackratings.sandbox.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;
import org.stackratings.sandbox.profile.Deviation;

/**
 * Profile deviations make a cloud non-compliant, one kind each: a wrong status, a wrong body, an accepted bad request,
 * a changed or removed field, a missing endpoint, and an action accepted but never done (a wrong state transition).
 */
class DeviationsTest {

    private static final String YAML = """
            clouds:
              - name: deviant
                project: { id: 1234567890abcdef1234567890abcdef, name: probe }
                users: [ { name: probe, password: pw } ]
                deviations:
                  - { service: compute, method: GET, path: "/v2.1/os-quota-sets/*", status: 404 }
                  - { service: image, method: GET, path: "/v2/schemas/image", status: 200, body: "{}" }
                  - { service: compute, method: GET, path: "/v2.1/servers", query: "limit=-1", status: 200 }
                  - { service: volume, method: PUT, path: "/v3/{project_id}/volumes/*", status: 500 }
                  - { service: network, path: "/", status: 200, body: { versions: [] } }
                  - { service: identity, method: HEAD, path: "/v3/auth/tokens", status: 204 }
                  - { service: compute, path: "/v2.1/flavors/detail", field: "/flavors/*/disk" }
                  - { service: compute, path: "/v2.1/flavors/*", field: /flavor/ram, value: 1 }
                  - { service: compute, path: "/v2.1/os-availability-zone", missing: true }
                  - { service: compute, method: POST, path: "/v2.1/servers/*/action", action: os-stop, status: 202 }
                  - { service: compute, method: POST, path: "/v2.1/servers", action: "/server/name=", status: 418 }
                  - { service: compute, method: POST, path: "/v2.1/servers", action: /server/accessIPv6, status: 419 }
                  - { service: network, path: "/v2.0/networks/*", field: /network/status, value: DOWN, status: 203 }
              - name: compliant
                users: [ { name: probe, password: pw } ]
            """;
    private static final String PROJECT = "1234567890abcdef1234567890abcdef";
    private static SandboxFixture sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(CloudProfiles.parse(YAML));
        token = sandbox.token("deviant", "pw");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aStatusOverrideAnswersWithAServiceStyleError() {
        for (String path : List.of("/v2.1/os-quota-sets/" + PROJECT, "/v2.1/" + PROJECT + "/os-quota-sets/x")) {
            HttpResponse<String> r = sandbox.get("/deviant/compute" + path, token);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(SandboxFixture.json(r).getJsonObject("itemNotFound").getInteger("code")).isEqualTo(404);
        }
        // * is one segment: the defaults are not covered
        assertThat(sandbox.get("/deviant/compute/v2.1/os-quota-sets/" + PROJECT + "/defaults", token).statusCode())
                .isEqualTo(200);
        HttpResponse<String> put = sandbox.call("PUT", "/deviant/volume/v3/" + PROJECT + "/volumes/abc", token,
                "{\"volume\":{\"name\":\"x\"}}");
        assertThat(put.statusCode()).isEqualTo(500);
        assertThat(SandboxFixture.json(put).getJsonObject("computeFault")).isNotNull();
    }

    @Test
    void aBodyOverrideAnswersThatBody() {
        HttpResponse<String> r = sandbox.get("/deviant/image/v2/schemas/image", token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        HttpResponse<String> root = sandbox.get("/deviant/network/", null);
        assertThat(SandboxFixture.json(root).getJsonArray("versions")).isEmpty();
        assertThat(sandbox.get("/deviant/image/v2/schemas/images", token).body()).contains("\"images\"");
    }

    @Test
    void anAcceptanceOverrideAcceptsWhatShouldBeRefused() {
        assertThat(sandbox.get("/deviant/compute/v2.1/servers?limit=-1", token).statusCode()).isEqualTo(200);
        assertThat(sandbox.get("/deviant/compute/v2.1/" + PROJECT + "/servers?limit=-1", token).statusCode())
                .isEqualTo(200);
        assertThat(sandbox.get("/deviant/compute/v2.1/servers?limit=abc", token).statusCode()).isEqualTo(400);
        JsonObject normal = SandboxFixture.json(sandbox.get("/deviant/compute/v2.1/servers?limit=5", token));
        assertThat(normal.getJsonArray("servers")).as("the normal answer: a list").isNotNull();
    }

    @Test
    void deviationsComeAfterTheTokenCheckAndAffectOnlyTheirCloud() {
        assertThat(sandbox.get("/deviant/compute/v2.1/os-quota-sets/" + PROJECT, null).statusCode()).isEqualTo(401);
        String other = sandbox.token("compliant", "pw");
        String project = sandbox.server.cloud("compliant").orElseThrow().profile().project().id();
        assertThat(sandbox.get("/compliant/compute/v2.1/os-quota-sets/" + project, other).statusCode())
                .isEqualTo(200);
        assertThat(sandbox.get("/compliant/compute/v2.1/servers?limit=-1", other).statusCode()).isEqualTo(400);
    }

    @Test
    void aPointerActionMatchesRequestsThatHoldThatPointerOrValue() {
        assertThat(sandbox.call("POST", "/deviant/compute/v2.1/servers", token, "{\"server\":{\"name\":\"\"}}")
                .statusCode()).as("the name is blank").isEqualTo(418);
        assertThat(sandbox.call("POST", "/deviant/compute/v2.1/servers", token,
                "{\"server\":{\"name\":\"x\",\"accessIPv6\":\"bad\"}}").statusCode()).as("accessIPv6 is there")
                .isEqualTo(419);
        assertThat(sandbox.call("POST", "/deviant/compute/v2.1/servers", token, "{\"server\":{\"name\":\"x\"}}")
                .statusCode()).as("neither: Nova's own answer (no flavor)").isEqualTo(400);
    }

    @Test
    void aMethodMustMatch() {
        assertThat(sandbox.call("DELETE", "/deviant/compute/v2.1/os-quota-sets/" + PROJECT, token, null)
                .statusCode()).as("the GET deviation does not cover DELETE: Nova refuses a member").isEqualTo(403);
        // a HEAD deviation does not cover GET (a GET one covers HEAD)
        assertThat(sandbox.call("HEAD", "/deviant/identity/v3/auth/tokens", token, null).statusCode())
                .isEqualTo(204);
        assertThat(sandbox.call("GET", "/deviant/identity/v3/auth/tokens", token, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void deviationsAreSettableAtRunTime() {
        CloudProfile base = sandbox.server.cloud("compliant").orElseThrow().profile();
        sandbox.server.putCloud(base.withDeviations(List.of(
                new Deviation("compute", "GET", "/v2.1/os-availability-zone", null, 503, null))));
        try {
            String t = sandbox.token("compliant", "pw");
            HttpResponse<String> r = sandbox.get("/compliant/compute/v2.1/os-availability-zone", t);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(SandboxFixture.json(r).getJsonObject("serviceUnavailable")).isNotNull();
        } finally {
            sandbox.server.putCloud(base);
        }
    }

    @Test
    void aFieldChangeAltersOneFieldOfTheNormalAnswer() {
        JsonObject flavor = SandboxFixture.json(sandbox.get("/deviant/compute/v2.1/flavors/1", token))
                .getJsonObject("flavor");
        assertThat(flavor.getInteger("ram")).isEqualTo(1);
        assertThat(flavor.getString("name")).as("the rest of the answer is the handler's").isEqualTo("m1.tiny");
        assertThat(flavor.getInteger("disk")).isEqualTo(1);
        HttpResponse<String> network = sandbox.get("/deviant/network/v2.0/networks/" + privateNetwork(), token);
        assertThat(network.statusCode()).as("a status given with a field replaces the handler's").isEqualTo(203);
        assertThat(SandboxFixture.json(network).getJsonObject("network").getString("status")).isEqualTo("DOWN");
    }

    @Test
    void aFieldRemovalTakesTheFieldOutOfEveryListElement() {
        var flavors = SandboxFixture.json(sandbox.get("/deviant/compute/v2.1/flavors/detail", token))
                .getJsonArray("flavors");
        assertThat(flavors).isNotEmpty();
        flavors.forEach(f -> {
            assertThat(((JsonObject) f).containsKey("disk")).isFalse();
            assertThat(((JsonObject) f).getString("id")).isNotBlank();
        });
        JsonObject compliant = SandboxFixture.json(sandbox.get("/compliant/compute/v2.1/flavors/detail",
                sandbox.token("compliant", "pw"))).getJsonArray("flavors").getJsonObject(0);
        assertThat(compliant.containsKey("disk")).as("other clouds keep it").isTrue();
    }

    @Test
    void aMissingEndpointAnswersNotFoundInTheServiceDialect() {
        HttpResponse<String> r = sandbox.get("/deviant/compute/v2.1/os-availability-zone", token);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(r).getJsonObject("itemNotFound").getInteger("code")).isEqualTo(404);
    }

    @Test
    void anActionAcceptedButNeverDoneLeavesTheServerWhereItWas() {
        String created = sandbox.call("POST", "/deviant/compute/v2.1/servers", token, """
                {"server": {"name": "stays-up", "imageRef": "%s", "flavorRef": "1"}}"""
                .formatted(image())).body();
        String id = new JsonObject(created).getJsonObject("server").getString("id");
        String server = "/deviant/compute/v2.1/servers/" + id;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACTIVE".equals(SandboxFixture.json(sandbox.get(server, token)).getJsonObject("server")
                        .getString("status")));
        HttpResponse<String> stop = sandbox.call("POST", server + "/action", token, "{\"os-stop\": null}");
        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(SandboxFixture.json(sandbox.get(server, token)).getJsonObject("server").getString("status"))
                .as("the deviation claimed the stop; the server never stopped").isEqualTo("ACTIVE");
        HttpResponse<String> start = sandbox.call("POST", server + "/action", token, "{\"os-start\": null}");
        assertThat(start.statusCode()).as("other actions reach the handler, which finds the server never stopped")
                .isEqualTo(409);
        sandbox.call("DELETE", server, token, null);
    }

    private static String privateNetwork() {
        return sandbox.server.cloud("deviant").orElseThrow().inventory().networks().get(0).id();
    }

    private static String image() {
        return sandbox.server.cloud("deviant").orElseThrow().inventory().images().get(0).id();
    }
}
