package org.stackratings.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
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
}
