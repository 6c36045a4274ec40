package org.stackratings.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class SandboxTestResourceTest {

    @Inject
    SandboxLauncher launcher;

    @Test
    void theApplicationSeesTheStandaloneSandboxAndStartsNoneOfItsOwn() {
        String sandboxUrl = SandboxTestResource.server().baseUrl();
        assertThat(launcher.server()).isEmpty();
        assertThat(SandboxTestResource.server().cloudNames()).contains("alpha", "slow", "missing-volume");
        given().get(sandboxUrl + "/_sandbox/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
