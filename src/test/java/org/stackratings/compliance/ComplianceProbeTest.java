package org.stackratings.compliance;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxTestResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ComplianceProbeTest {

    @Test
    void aCompliantCloudPassesEveryCheckedCapabilityAndNothingIsSilentlyPassed() {
        JsonPath result = complianceOf("alpha", "alpha-secret");
        assertThat(result.getString("guideline")).isEqualTo("2020.06");
        assertThat(result.getInt("summary.required")).isEqualTo(60);
        assertThat(result.getLong("summary.failed")).as(failures(result).toString()).isZero();
        assertThat(result.getLong("summary.passed")).isEqualTo(CapabilityChecks.count());
        assertThat(result.getLong("summary.notChecked")).isEqualTo(60 - CapabilityChecks.count());
        assertThat(statusOf(result, "compute-servers-resize")).isEqualTo("NOT_CHECKED");
        assertThat(result.getList("capabilities.find { it.capability == 'compute-quotas-get' }.evidence.status", Integer.class))
                .containsExactly(200, 200);
    }

    @Test
    void aStatusDeviationFailsOnlyTheMatchingCapability() {
        assertOnlyFailing("deviations: [ { service: compute, method: GET, path: \"/v2.1/os-quota-sets/*\", status: 404 } ]",
                "compute-quotas-get");
    }

    @Test
    void aWrongBodyFailsOnlyTheMatchingCapability() {
        assertOnlyFailing("deviations: [ { service: image, method: GET, path: \"/v2/schemas/image\", status: 200, body: \"{}\" } ]",
                "images-v2-get");
    }

    @Test
    void acceptingABadRequestFailsOnlyTheMatchingCapability() {
        assertOnlyFailing("deviations: [ { service: compute, method: GET, path: \"/v2.1/servers\", query: \"limit=-1\", status: 200, body: '{\"servers\":[]}' } ]",
                "compute-servers-list");
    }

    @Test
    void aMissingServiceFailsItsCapabilities() {
        String cloud = cloud("services: [identity, compute, image, network]");
        JsonPath result = complianceOf(cloud, "pw");
        assertThat(failures(result)).containsExactlyInAnyOrder("volumes-list-api-versions", "volumes-v3-get", "volumes-v3-list",
                "volumes-v3-availability-zones", "volumes-v3-extensions", "volumes-v3-update");
        assertThat(result.getString("capabilities.find { it.capability == 'volumes-v3-list' }.evidence[0].problem"))
                .contains("catalog lists no VOLUME endpoint");
    }

    @Test
    void complianceOfAnUnknownMemberIs404() {
        RestAssured.get("/api/v1/ratings/no-such-member/compliance").then().statusCode(404).contentType("application/problem+json");
    }

    private static void assertOnlyFailing(String deviation, String capability) {
        JsonPath result = complianceOf(cloud(deviation), "pw");
        assertThat(failures(result)).containsExactly(capability);
        assertThat(result.getLong("summary.passed")).isEqualTo(CapabilityChecks.count() - 1);
    }

    private static String cloud(String extra) {
        String name = "compliance-" + System.nanoTime() % 100000;
        org.stackratings.ApiTestSupport.yaml().body("name: " + name + "\nusers: [ { name: probe, password: pw } ]\n" + extra + "\n")
                .put(SandboxTestResource.server().baseUrl() + "/_sandbox/clouds/" + name).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        return name;
    }

    private static JsonPath complianceOf(String cloud, String password) {
        String slug = uniqueSlug("compliance");
        admin().body(memberBody(slug, SandboxTestResource.server().authUrl(cloud), password, false)).post("/api/v1/members")
                .then().statusCode(201);
        admin().body(Map.of("probe", "compliance")).post("/api/v1/members/" + slug + "/probe-runs").then().statusCode(201);
        return RestAssured.get("/api/v1/ratings/" + slug + "/compliance").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> failures(JsonPath result) {
        return result.getList("capabilities.findAll { it.status == 'FAIL' }.capability", String.class);
    }

    private static String statusOf(JsonPath result, String capability) {
        return result.getString("capabilities.find { it.capability == '" + capability + "' }.status");
    }
}
