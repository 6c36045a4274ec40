package org.stackratings.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SandboxLauncherTest.Enabled.class)
class SandboxLauncherTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stackratings.sandbox.enabled", "true", "stackratings.sandbox.port", "0");
        }
    }

    @Inject
    SandboxLauncher launcher;

    @Test
    void startsTheDevCloudsOnItsOwnPort() {
        SandboxServer server = launcher.server().orElseThrow();
        assertThat(server.port()).isPositive();
        assertThat(server.cloudNames()).containsExactly("aurora", "borealis", "cumulus", "dustbowl");
        given().get(server.authUrl("aurora")).then().statusCode(200).body("version.status", equalTo("stable"));
    }

    @Test
    void theControlApiIsOnTheSandboxPortOnlyNeverOnTheAgencyPort() {
        SandboxServer server = launcher.server().orElseThrow();
        given().get(server.baseUrl() + "/_sandbox/health").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(server.port()).isNotEqualTo(RestAssured.port);
        for (String path : List.of("/_sandbox/health", "/_sandbox/clouds", "/_sandbox/clouds/aurora",
                "/_sandbox/clouds/aurora/stats", "/_sandbox/clouds/aurora/hostile")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        given().contentType("application/json").body("{\"mode\": \"not-json\"}").put("/_sandbox/clouds/aurora/hostile")
                .then().statusCode(404).contentType("application/problem+json");
        given().delete("/_sandbox/clouds/aurora").then().statusCode(404).contentType("application/problem+json");
        assertThat(server.cloud("aurora").orElseThrow().profile().hostile()).isNull();
    }
}
