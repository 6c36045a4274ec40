package org.stackratings.sandbox.api.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;

class KeystoneApiTest {

    private static final String PROJECT_ID = "0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a";
    private static SandboxFixture sandbox;
    private static String alpha;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        alpha = sandbox.server.baseUrl() + "/alpha/identity";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Response issue(String body) {
        return given().contentType(ContentType.JSON).body(body).post(alpha + "/v3/auth/tokens");
    }

    @Test
    void versionDiscovery() {
        given().get(alpha + "/").then().statusCode(300)
                .body("versions.values[0].id", equalTo("v3.14"))
                .body("versions.values[0].status", equalTo("stable"))
                .body("versions.values[0].links[0].href", equalTo(alpha + "/v3/"));
        given().get(alpha + "/v3").then().statusCode(200)
                .body("version.id", equalTo("v3.14"))
                .body("version.status", equalTo("stable"))
                .body("version.links[0].rel", equalTo("self"))
                .body("version.media-types[0].type", equalTo("application/vnd.openstack.identity-v3+json"));
    }

    @Test
    void passwordByNameScopedByName() {
        Response r = issue(SandboxFixture.byName("probe", "alpha-secret"));
        r.then().statusCode(201)
                .header("X-Subject-Token", startsWith("gAAAAA"))
                .body("token.methods", containsInAnyOrder("password"))
                .body("token.user.name", equalTo("probe"))
                .body("token.user.domain.id", equalTo("default"))
                .body("token.project.id", equalTo(PROJECT_ID))
                .body("token.project.name", equalTo("probe"))
                .body("token.project.domain.name", equalTo("Default"))
                .body("token.roles.name", hasItems("member", "reader"))
                .body("token.expires_at", notNullValue())
                .body("token.issued_at", notNullValue())
                .body("token.audit_ids.size()", equalTo(1))
                .body("token.catalog.type", containsInAnyOrder("identity", "compute", "image", "network",
                        "block-storage", "volumev3"));
        String base = sandbox.server.baseUrl() + "/alpha";
        r.then()
                .body("token.catalog.find { it.type == 'compute' }.endpoints.interface",
                        containsInAnyOrder("public", "internal", "admin"))
                .body("token.catalog.find { it.type == 'compute' }.endpoints.url", everyItem(equalTo(base + "/compute/v2.1")))
                .body("token.catalog.find { it.type == 'compute' }.endpoints.region", everyItem(equalTo("RegionOne")))
                .body("token.catalog.find { it.type == 'compute' }.endpoints.region_id", everyItem(equalTo("RegionOne")))
                .body("token.catalog.find { it.type == 'image' }.endpoints[0].url", equalTo(base + "/image"))
                .body("token.catalog.find { it.type == 'network' }.endpoints[0].url", equalTo(base + "/network"))
                .body("token.catalog.find { it.type == 'identity' }.endpoints[0].url", equalTo(base + "/identity"))
                .body("token.catalog.find { it.type == 'volumev3' }.endpoints[0].url",
                        equalTo(base + "/volume/v3/" + PROJECT_ID))
                .body("token.catalog.find { it.type == 'block-storage' }.endpoints[0].url",
                        equalTo(base + "/volume/v3/" + PROJECT_ID));
        assertThat(r.header("X-Subject-Token")).hasSizeGreaterThan(100);
    }

    @Test
    void passwordByUserIdScopedByProjectId() {
        String userId = sandbox.server.cloud("alpha").orElseThrow().profile().users().get(0).id();
        issue(SandboxFixture.passwordAuth("{\"id\":\"" + userId + "\"", "alpha-secret",
                "{\"project\":{\"id\":\"" + PROJECT_ID + "\"}}"))
                .then().statusCode(201).body("token.user.id", equalTo(userId))
                .body("token.project.id", equalTo(PROJECT_ID));
    }

    @Test
    void userDomainById() {
        issue(SandboxFixture.passwordAuth("{\"name\":\"probe\",\"domain\":{\"id\":\"default\"}", "alpha-secret",
                "{\"project\":{\"name\":\"probe\",\"domain\":{\"id\":\"default\"}}}"))
                .then().statusCode(201);
    }

    @Test
    void unscopedTokenHasNoCatalog() {
        issue(SandboxFixture.passwordAuth("{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}", "alpha-secret",
                null))
                .then().statusCode(201).body("token.project", nullValue()).body("token.catalog", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}|wrong|{\"project\":{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}}}",
        "{\"name\":\"nobody\",\"domain\":{\"name\":\"Default\"}|alpha-secret|{\"project\":{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}}}",
        "{\"name\":\"probe\",\"domain\":{\"name\":\"Other\"}|alpha-secret|{\"project\":{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}}}",
        "{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}|alpha-secret|{\"project\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"}}}",
        "{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}|alpha-secret|{\"project\":{\"id\":\"ffffffffffffffffffffffffffffffff\"}}",
        "{\"name\":\"probe\"|alpha-secret|{\"project\":{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}}}",
    })
    void wrongCredentialsOrScopeGive401(String spec) {
        String[] p = spec.split("\\|");
        issue(SandboxFixture.passwordAuth(p[0], p[1], p[2])).then().statusCode(401)
                .body("error.code", equalTo(401))
                .body("error.title", equalTo("Unauthorized"))
                .body("error.message", notNullValue())
                .header("X-Subject-Token", nullValue());
    }

    @Test
    void malformedBodyGives400() {
        issue("{\"auth\":{}}").then().statusCode(400).body("error.code", equalTo(400));
        issue("not json").then().statusCode(400);
    }

    @Test
    void applicationCredentialById() {
        issue(SandboxFixture.appCredential("alpha-appcred", "alpha-appcred-secret")).then().statusCode(201)
                .body("token.methods", containsInAnyOrder("application_credential"))
                .body("token.project.id", equalTo(PROJECT_ID))
                .body("token.user.name", equalTo("probe"))
                .body("token.application_credential.id", equalTo("alpha-appcred"))
                .body("token.catalog.size()", equalTo(6));
        issue(SandboxFixture.appCredential("alpha-appcred", "wrong")).then().statusCode(401)
                .body("error.title", equalTo("Unauthorized"));
        issue(SandboxFixture.appCredential("nope", "alpha-appcred-secret")).then().statusCode(401);
    }

    @Test
    void applicationCredentialByNameAndUser() {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":"
                + "{\"name\":\"probe-appcred\",\"secret\":\"alpha-appcred-secret\","
                + "\"user\":{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}}}}}}";
        issue(body).then().statusCode(201).body("token.application_credential.name", equalTo("probe-appcred"));
    }

    @Test
    void validateCheckAndRevoke() {
        String token = sandbox.token("alpha", "alpha-secret");
        String other = sandbox.token("alpha", "alpha-secret");
        given().header("X-Auth-Token", token).header("X-Subject-Token", other).get(alpha + "/v3/auth/tokens")
                .then().statusCode(200).header("X-Subject-Token", equalTo(other))
                .body("token.user.name", equalTo("probe"));
        given().header("X-Auth-Token", token).header("X-Subject-Token", other).head(alpha + "/v3/auth/tokens")
                .then().statusCode(200);
        given().header("X-Auth-Token", token).header("X-Subject-Token", other).delete(alpha + "/v3/auth/tokens")
                .then().statusCode(204);
        given().header("X-Auth-Token", token).header("X-Subject-Token", other).head(alpha + "/v3/auth/tokens")
                .then().statusCode(404);
        given().header("X-Auth-Token", other).header("X-Subject-Token", token).get(alpha + "/v3/auth/tokens")
                .then().statusCode(401).body("error.code", equalTo(401));
        given().header("X-Auth-Token", "bogus").get(sandbox.server.baseUrl() + "/alpha/compute/v2.1/flavors")
                .then().statusCode(401);
    }

    @Test
    void catalogAndProjectsOfTheToken() {
        String token = sandbox.token("alpha", "alpha-secret");
        given().header("X-Auth-Token", token).get(alpha + "/v3/auth/catalog").then().statusCode(200)
                .body("catalog.size()", equalTo(6))
                .body("catalog.name", hasItems("keystone", "nova", "glance", "neutron", "cinder", "cinderv3"));
        given().header("X-Auth-Token", token).get(alpha + "/v3/auth/projects").then().statusCode(200)
                .body("projects[0].id", equalTo(PROJECT_ID))
                .body("projects[0].name", equalTo("probe"))
                .body("projects[0].domain_id", equalTo("default"))
                .body("projects[0].enabled", equalTo(true));
        given().get(alpha + "/v3/auth/catalog").then().statusCode(401);
    }

    @Test
    void tokensOfOneCloudAreNotValidInAnother() {
        String token = sandbox.token("alpha", "alpha-secret");
        given().header("X-Auth-Token", token).get(sandbox.server.baseUrl() + "/slow/compute/v2.1/flavors")
                .then().statusCode(401);
    }

    @Test
    void missingServiceIsNotInTheCatalogAndItsRoutes404() {
        String base = sandbox.server.baseUrl() + "/missing-volume";
        Response r = given().contentType(ContentType.JSON).body(SandboxFixture.byName("probe", "missing-secret"))
                .post(base + "/identity/v3/auth/tokens");
        r.then().statusCode(201)
                .body("token.catalog.type", not(hasItems("volumev3")))
                .body("token.catalog.type", not(hasItems("block-storage")))
                .body("token.catalog.type", hasItems("compute", "image", "network", "identity"));
        String token = r.header("X-Subject-Token");
        String project = r.jsonPath().getString("token.project.id");
        given().header("X-Auth-Token", token).get(base + "/volume/v3/" + project + "/volumes").then().statusCode(404);
        given().get(base + "/volume/").then().statusCode(404);
        given().header("X-Auth-Token", token).get(base + "/compute/v2.1/flavors").then().statusCode(200);
    }

    @Test
    void catalogHostIsAdvertisedInTheCatalog() {
        sandbox.server.putCloud(CloudProfile.basic("elsewhere", "pw").withCatalogHost("cloud.example.net:5000"));
        try {
            String base = sandbox.server.baseUrl() + "/elsewhere";
            given().contentType(ContentType.JSON).body(SandboxFixture.byName("probe", "pw"))
                    .post(base + "/identity/v3/auth/tokens").then().statusCode(201)
                    .body("token.catalog.endpoints.flatten().url",
                            everyItem(startsWith("http://cloud.example.net:5000/elsewhere/")))
                    .body("token.catalog.find { it.type == 'compute' }.endpoints[0].url",
                            equalTo("http://cloud.example.net:5000/elsewhere/compute/v2.1"));
        } finally {
            sandbox.server.removeCloud("elsewhere");
        }
        assertThat(sandbox.server.cloudNames()).doesNotContain("elsewhere");
    }

    @Test
    void unknownCloudAndUnknownRoute404() {
        given().get(sandbox.server.baseUrl() + "/nowhere/identity/v3").then().statusCode(404)
                .contentType(ContentType.JSON).body("error.code", equalTo(404));
        given().get(sandbox.server.baseUrl() + "/alpha/identity/v3/nothing-here").then().statusCode(404)
                .contentType(ContentType.JSON);
        given().get(sandbox.server.baseUrl() + "/alpha/telemetry").then().statusCode(404)
                .contentType(ContentType.JSON);
        assertThat(sandbox.server.cloudNames()).containsAll(List.of("alpha", "slow", "missing-volume"));
    }
}
