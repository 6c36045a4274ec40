package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * A conformance run started through the API runs in the background and is published: the public sees the agency's
 * words and URL paths, the member also the URLs and excerpts of the wrong answers.
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ConformanceApiTest {

    @Test
    void aRunStartedByHandIsPublishedWithItsEvidence() {
        String cloud = ConformanceHarness.cloud("deviations:\n  - { service: compute, method: POST, path:"
                + " \"/v2.1/servers/*/action\", action: lock, status: 202 }");
        String slug = uniqueSlug("conformance-api");
        admin().body(memberBody(slug, SandboxTestResource.server().authUrl(cloud), "pw", false)).post("/api/v1/members")
                .then().statusCode(201);
        assertThat(RestAssured.get("/api/v1/ratings/" + slug + "/conformance").then().statusCode(200).extract()
                .jsonPath().getString("runId")).as("before the first run").isNull();

        String runId = admin().body(Map.of("probe", "conformance")).post("/api/v1/members/" + slug + "/probe-runs")
                .then().statusCode(202).extract().jsonPath().getString("id");

        JsonPath published = Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> RestAssured.get("/api/v1/ratings/" + slug + "/conformance").then().statusCode(200)
                        .extract().jsonPath(), p -> runId.equals(p.getString("runId")));
        assertThat(published.getInt("summary.required")).isEqualTo(60);
        assertThat(published.getString("target")).isEqualTo("OpenStack Powered Compute");
        assertThat(published.getString("evidenceDigest")).hasSize(64);
        String lock = "capabilities.find { it.capability == 'compute-servers-lock' }";
        assertThat(published.getString(lock + ".status")).isEqualTo("FAIL");
        assertThat(published.getString(lock + ".reason")).as(published.prettify()).contains("refuses to stop");
        assertThat(published.getList(lock + ".evidence.urlPath", String.class)).allMatch(p -> !p.contains("127.0.0.1"));
        assertThat(published.prettify()).doesNotContain("excerpt").doesNotContain("http://");

        JsonPath full = admin().get("/api/v1/members/" + slug + "/conformance").then().statusCode(200).extract()
                .jsonPath();
        assertThat(full.getList("capabilities.find { it.capability == 'compute-servers-lock' }.evidence.url",
                String.class)).allMatch(u -> u.startsWith("http://127.0.0.1"));
        RestAssured.get("/api/v1/members/" + slug + "/conformance").then().statusCode(401);
        RestAssured.get("/api/v1/ratings/no-such-member/conformance").then().statusCode(404)
                .contentType("application/problem+json");
        SandboxLeftovers.assertNothingLeft(cloud);
    }
}
