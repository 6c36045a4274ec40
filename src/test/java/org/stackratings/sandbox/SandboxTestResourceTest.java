package org.stackratings.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class SandboxTestResourceTest {

    @ConfigProperty(name = "stackratings.test.sandbox-url")
    String sandboxUrl;

    @Inject
    SandboxLauncher launcher;

    @Test
    void theApplicationSeesTheStandaloneSandboxAndStartsNoneOfItsOwn() {
        assertThat(sandboxUrl).isEqualTo(SandboxTestResource.server().baseUrl());
        assertThat(launcher.server()).isEmpty();
        assertThat(SandboxTestResource.server().cloudNames()).contains("alpha", "slow", "missing-volume");
        given().get(sandboxUrl + "/_sandbox/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
