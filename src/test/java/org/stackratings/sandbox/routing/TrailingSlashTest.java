package org.stackratings.sandbox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;

/**
 * A trailing slash names an empty id, as the services' routers read it: {@code GET} or {@code DELETE} of
 * {@code /volumes/} is a 404 (not the list, which Vert.x would answer), for Cinder and Nova alike; the version
 * documents, and a path its API also registers with the slash, still answer with it.
 */
class TrailingSlashTest {

    private static final CloudProfile CLOUD = CloudProfile.basic("slash", "slash-secret");
    private static final String CINDER = "/slash/volume/v3/" + CLOUD.project().id();
    private static final String NOVA = "/slash/compute/v2.1";
    private static SandboxFixture sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(List.of(CLOUD));
        token = sandbox.token("slash", "slash-secret");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** GET and DELETE of {@code collection + "/"} answer the service's 404; the collection itself its list. */
    private static void emptyIdIsNotFound(String collection, String listField) {
        assertThat(SandboxFixture.json(call("GET", collection)).getJsonArray(listField)).as("the list").isNotNull();
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> answer = call(method, collection + "/");
            assertThat(answer.statusCode()).as(method + " " + collection + "/").isEqualTo(404);
            JsonObject fault = SandboxFixture.json(answer).getJsonObject("itemNotFound");
            assertThat(fault.getInteger("code")).isEqualTo(404);
            assertThat(fault.getString("message")).isEqualTo("The resource could not be found.");
        }
    }

    private static HttpResponse<String> call(String method, String path) {
        return sandbox.call(method, path, token, null);
    }

    @Test
    void cinderVolumesWithAnEmptyId() {
        emptyIdIsNotFound(CINDER + "/volumes", "volumes");
    }

    @Test
    void cinderSnapshotsWithAnEmptyId() {
        emptyIdIsNotFound(CINDER + "/snapshots", "snapshots");
    }

    @Test
    void novaOsVolumesWithAnEmptyId() {
        emptyIdIsNotFound(NOVA + "/os-volumes", "volumes");
    }

    @Test
    void novaOsSnapshotsWithAnEmptyId() {
        emptyIdIsNotFound(NOVA + "/os-snapshots", "snapshots");
    }

    @Test
    void theTokenIsCheckedFirstAndVersionDocumentsTakeTheSlash() {
        assertThat(sandbox.call("GET", CINDER + "/volumes/", null, null).statusCode()).isEqualTo(401);
        assertThat(sandbox.get("/slash/volume/v3/", null).statusCode()).isEqualTo(200);
        assertThat(sandbox.get(NOVA + "/", null).statusCode()).isEqualTo(200);
        assertThat(sandbox.get("/slash/identity/v3/", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPathRegisteredWithTheSlashAnswersBoth() {
        assertThat(SandboxFixture.json(call("GET", "/slash/network/v2.0/")).getJsonArray("resources"))
                .as("Neutron's /v2.0/").isNotEmpty();
        assertThat(SandboxFixture.json(call("GET", "/slash/network/v2.0")).getJsonArray("resources")).isNotEmpty();
        assertThat(call("GET", "/slash/network/v2.0/networks/").statusCode()).isEqualTo(404);
    }
}
