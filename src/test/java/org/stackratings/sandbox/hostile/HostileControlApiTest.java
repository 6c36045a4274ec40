package org.stackratings.sandbox.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.HostileStreams;

/** The control API's hostile toggles: PUT, GET and DELETE /_sandbox/clouds/{name}/hostile, and what it shows. */
class HostileControlApiTest {

    private static SandboxFixture sandbox;
    private static String control;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(List.of(CloudProfile.basic("target", "target-secret"),
                CloudProfile.basic("streaming", "streaming-secret")));
        control = sandbox.server.baseUrl() + "/_sandbox";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void putMakesACloudHostileAndDeleteStopsIt() {
        String token = sandbox.token("target", "target-secret");
        given().contentType(ContentType.JSON).body("{\"mode\": \"not-json\"}").put(control + "/clouds/target/hostile")
                .then().statusCode(200)
                .body("cloud", equalTo("target"))
                .body("hostile.mode", equalTo("not-json"))
                .body("hostile.target", equalTo("services"));
        assertThat(sandbox.get("/target/compute/v2.1/flavors", token).body()).isEqualTo(HostileDocuments.HTML);

        given().get(control + "/clouds/target/hostile").then().statusCode(200).body("hostile.mode", equalTo("not-json"));
        given().get(control + "/clouds/target").then().statusCode(200)
                .body("hostile.mode", equalTo("not-json"))
                .body("profile.hostile.mode", equalTo("not-json"))
                .body("tokens", equalTo(1));
        given().get(control + "/clouds").then().statusCode(200)
                .body("clouds.find { it.name == 'target' }.hostile", equalTo("not-json"));
        given().get(control + "/clouds/target/stats").then().statusCode(200)
                .body("hostile.answers.not-json", greaterThanOrEqualTo(1))
                .body("services.compute.hostile.not-json", greaterThanOrEqualTo(1))
                .body("services.compute.statuses.200", greaterThanOrEqualTo(1))
                .body("hostile.open", equalTo(0));

        given().delete(control + "/clouds/target/hostile").then().statusCode(204);
        given().get(control + "/clouds/target/hostile").then().statusCode(200).body("hostile", nullValue());
        var normal = sandbox.get("/target/compute/v2.1/flavors", token);
        assertThat(normal.statusCode()).as("the token issued before is kept").isEqualTo(200);
        assertThat(SandboxFixture.json(normal).getJsonArray("flavors")).hasSize(3);
    }

    @Test
    void takesYamlWithATarget() {
        given().contentType("application/yaml").body("mode: truncated-json\ntarget: all\n".getBytes(StandardCharsets.UTF_8))
                .put(control + "/clouds/target/hostile").then().statusCode(200).body("hostile.target", equalTo("all"));
        var answer = sandbox.post("/target/identity/v3/auth/tokens", SandboxFixture.byName("probe", "target-secret"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(HostileDocuments.truncated("identity"));
        given().delete(control + "/clouds/target/hostile").then().statusCode(204);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"mode\": \"nope\"}|field 'hostile.mode': unknown mode 'nope'",
            "{\"target\": \"all\"}|field 'hostile.mode': is required",
            "{\"mode\": \"redirect\"}|needs redirectTo",
            "{\"mode\": \"redirect\", \"redirectTo\": \"ftp://x/\"}|not an absolute http(s) URL",
            "{\"mode\": \"dns-name\", \"endpointHost\": \"no spaces\"}|is not a host name",
            "{\"mode\": \"silent-keystone\", \"target\": \"services\"}|its target can only be keystone",
            "{\"mode\": \"endless-body\", \"target\": \"everything\"}|unknown target 'everything'",
            "{\"mode\": \"trickle-body\", \"trickleInterval\": \"2s\"}|field 'hostile.trickleInterval'",
            "{\"mode\": \"not-json\", \"colour\": \"red\"}|field 'hostile.colour': unknown field",
            "[1, 2]|must be a mapping"})
    void refusesABadSectionAndNamesTheField(String body, String message) {
        given().contentType(ContentType.JSON).body(body).put(control + "/clouds/target/hostile").then()
                .statusCode(400).body("error.message", containsString(message));
        given().get(control + "/clouds/target/hostile").then().body("hostile", nullValue());
    }

    @Test
    void refusesAnEmptyBodyAndUnknownClouds() {
        given().put(control + "/clouds/target/hostile").then().statusCode(400)
                .body("error.message", containsString("hostile section"));
        given().contentType(ContentType.JSON).body("{\"mode\": \"not-json\"}").put(control + "/clouds/nothing/hostile")
                .then().statusCode(404);
        given().get(control + "/clouds/nothing/hostile").then().statusCode(404);
        given().delete(control + "/clouds/nothing/hostile").then().statusCode(404);
    }

    @Test
    void aWholeProfileCanCarryTheSection() {
        String yaml = """
                users: [ { name: probe, password: evil-secret } ]
                hostile: { mode: foreign-endpoints, redirectTo: "http://127.0.0.2:9999/" }
                """;
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .put(control + "/clouds/evil").then().statusCode(201)
                .body("hostile.mode", equalTo("foreign-endpoints"))
                .body("hostile.redirectTo", equalTo("http://127.0.0.2:9999/"))
                .body("profile.hostile.target", equalTo("keystone"));
        given().delete(control + "/clouds/evil").then().statusCode(204);
    }

    @Test
    void deleteEndsAnEndlessBodyInFlightAndStatsShowIt() throws Exception {
        String token = sandbox.token("streaming", "streaming-secret");
        given().contentType(ContentType.JSON).body("{\"mode\": \"endless-body\"}")
                .put(control + "/clouds/streaming/hostile").then().statusCode(200);
        HostileStreams streams = sandbox.server.cloud("streaming").orElseThrow().hostileStreams();
        try (RawHttp http = RawHttp.connect(sandbox.server.port(), Duration.ofSeconds(20))) {
            http.send("GET", "/streaming/volume/v3/volumes", token, null);
            assertThat(http.readHead(64 * 1024).status()).isEqualTo(200);
            assertThat(http.readChunk()).isNotEmpty();
            given().get(control + "/clouds/streaming/stats").then().statusCode(200)
                    .body("hostile.open", equalTo(1))
                    .body("hostile.answers.endless-body", equalTo(1))
                    .body("hostile.bytesSent", greaterThanOrEqualTo(1));
            given().delete(control + "/clouds/streaming/hostile").then().statusCode(204);
            // the connection is closed by the sandbox: the client reads what was under way, then the end
            assertThat(http.readToEnd()).isGreaterThanOrEqualTo(0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openCount() == 0);
    }
}
