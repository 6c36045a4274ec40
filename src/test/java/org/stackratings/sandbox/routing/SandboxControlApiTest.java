package org.stackratings.sandbox.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

class SandboxControlApiTest {

    private static SandboxFixture sandbox;
    private static String control;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        control = sandbox.server.baseUrl() + "/_sandbox";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void healthAndList() {
        given().get(control + "/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get(control + "/clouds").then().statusCode(200)
                .body("clouds.name", hasItems("alpha", "slow", "missing-volume"))
                .body("clouds.find { it.name == 'alpha' }.authUrl", equalTo(sandbox.server.authUrl("alpha")))
                .body("clouds.find { it.name == 'missing-volume' }.services", not(hasItem("volume")));
        given().get(control + "/clouds/slow").then().statusCode(200)
                .body("servers", equalTo(0))
                .body("profile.maxServers", equalTo(50))
                .body("profile.bootTime.medianMs", equalTo(2000.0f))
                .body("profile.deviations.size()", equalTo(0))
                .body("profile.latency.distribution", equalTo("constant"))
                .body("profile.latency.medianMs", equalTo(50.0f))
                .body("authUrl", equalTo(sandbox.server.authUrl("slow")));
        given().get(control + "/clouds/nothing").then().statusCode(404);
    }

    @Test
    void putAProfileThenUseItThenDeleteIt() {
        String yaml = """
                description: added at run time
                users: [ { name: probe, password: fresh-secret } ]
                services: [identity, compute]
                errorRate: 0
                """;
        given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put(control + "/clouds/fresh").then().statusCode(201)
                .body("profile.name", equalTo("fresh"))
                .body("profile.services", equalTo(java.util.List.of("identity", "compute")));
        assertThat(sandbox.server.cloudNames()).contains("fresh");
        String token = sandbox.token("fresh", "fresh-secret");
        given().header("X-Auth-Token", token).get(sandbox.server.baseUrl() + "/fresh/compute/v2.1/flavors")
                .then().statusCode(200);
        given().header("X-Auth-Token", token).get(sandbox.server.baseUrl() + "/fresh/image/v2/images")
                .then().statusCode(404);

        // replacing the profile (JSON this time) keeps the issued tokens and the counts
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"fresh\",\"users\":[{\"name\":\"probe\",\"password\":\"fresh-secret\"}],"
                        + "\"errorRate\":1,\"errorStatus\":500}")
                .put(control + "/clouds/fresh").then().statusCode(200);
        given().header("X-Auth-Token", token).get(sandbox.server.baseUrl() + "/fresh/image/v2/images")
                .then().statusCode(500);
        given().get(control + "/clouds/fresh/stats").then().statusCode(200)
                .body("cloud", equalTo("fresh"))
                .body("services.compute.statuses.200", equalTo(1))
                .body("services.image.statuses.500", equalTo(1))
                .body("statuses.201", equalTo(1))
                // the 404 of the image service while it was not offered is not a request to a service
                .body("requests", equalTo(3));

        given().delete(control + "/clouds/fresh").then().statusCode(204);
        given().delete(control + "/clouds/fresh").then().statusCode(404);
        given().get(sandbox.server.baseUrl() + "/fresh/identity/v3").then().statusCode(404);
    }

    @Test
    void badProfilesAre400WithAClearMessage() {
        given().body("latency: { distribution: pareto }").put(control + "/clouds/bad").then().statusCode(400)
                .body("error.message", containsString("cloud 'bad'"))
                .body("error.message", containsString("latency.distribution"));
        given().body("errorRate: 3").put(control + "/clouds/bad").then().statusCode(400)
                .body("error.message", containsString("errorRate"));
        given().body("name: other").put(control + "/clouds/bad").then().statusCode(400)
                .body("error.message", containsString("other"));
        given().body("[unclosed").put(control + "/clouds/bad").then().statusCode(400)
                .body("error.message", containsString("YAML"));
        given().body("").put(control + "/clouds/bad").then().statusCode(400);
        given().body("users: []").put(control + "/clouds/BAD").then().statusCode(400)
                .body("error.message", containsString("name"));
        assertThat(sandbox.server.cloudNames()).doesNotContain("bad");
    }
}
