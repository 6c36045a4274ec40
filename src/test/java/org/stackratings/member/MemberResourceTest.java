package org.stackratings.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
class MemberResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void onboardsReadsReplacesAndWithdrawsAMember() {
        String slug = uniqueSlug("crud");
        admin().body(memberBody(slug, "https://keystone.example.com:5000/v3", "pw-1", false))
                .post("/api/v1/members")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("slug", equalTo(slug))
                .body("credentials.type", equalTo("password"))
                .body("credentials.secretStored", equalTo(true))
                .body("project.domain", equalTo("Default"))
                .body("probes.api.enabled", equalTo(false))
                .body("status", equalTo("ACTIVE"));

        admin().get("/api/v1/members").then().statusCode(200).body("items.slug", hasItem(slug)).body("total", notNullValue());

        Map<String, Object> replacement = new HashMap<>(memberBody(slug, "https://keystone.example.com:5000/v3", "x", false));
        replacement.remove("credentials");
        replacement.put("displayName", "Renamed");
        admin().body(replacement).put("/api/v1/members/" + slug)
                .then().statusCode(200).body("displayName", equalTo("Renamed")).body("credentials.username", equalTo("probe"));

        admin().delete("/api/v1/members/" + slug).then().statusCode(204);
        admin().get("/api/v1/members/" + slug).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        admin().body(replacement).put("/api/v1/members/" + slug)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:stackratings:problem:conflict"));
        admin().body(memberBody(slug, "https://k.example.com/v3", "pw", false)).post("/api/v1/members")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void rejectsABadSlugWithAFieldError() {
        admin().body(memberBody("Bad_Slug!", "https://k.example.com/v3", "pw", false)).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:validation"))
                .body("errors.field", hasItem("slug"));
    }

    @Test
    void rejectsMissingFieldsNamingEachOne() {
        admin().body(Map.of("slug", uniqueSlug("missing"))).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("authUrl"))
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("project"));
    }

    @Test
    void rejectsIncompleteCredentials() {
        Map<String, Object> body = new HashMap<>(memberBody(uniqueSlug("creds"), "https://k.example.com/v3", "pw", false));
        body.put("credentials", Map.of("type", "application_credential", "applicationCredentialId", "abc"));
        admin().body(body).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("credentials.complete"));
    }

    @Test
    void rejectsAnAuthUrlThatIsNotAnHttpUrl() {
        admin().body(memberBody(uniqueSlug("url"), "ftp://keystone", "pw", false)).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("authUrl"));
    }

    @Test
    void rejectsMalformedJsonAndUnknownFieldsWithoutA500() {
        admin().body("{\"slug\": \"abc\", ").post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:stackratings:problem:malformed-body"));
        Map<String, Object> body = new HashMap<>(memberBody(uniqueSlug("unknown"), "https://k.example.com/v3", "pw", false));
        body.put("colour", "blue");
        admin().body(body).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("colour"));
        admin().body("[1,2]").post("/api/v1/members").then().statusCode(400).contentType(PROBLEM);
        admin().contentType(ContentType.TEXT).body("slug=abc").post("/api/v1/members")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void rejectsAnInvalidInterval() {
        Map<String, Object> body = new HashMap<>(memberBody(uniqueSlug("interval"), "https://k.example.com/v3", "pw", false));
        body.put("probes", Map.of("api", Map.of("interval", "PT1S")));
        admin().body(body).post("/api/v1/members").then().statusCode(400).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("interval"));
        body.put("probes", Map.of("api", Map.of("interval", "soon")));
        admin().body(body).post("/api/v1/members").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void answersUnknownMembersWith404Problems() {
        admin().get("/api/v1/members/no-such-member").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:not-found"));
        admin().delete("/api/v1/members/no-such-member").then().statusCode(404).contentType(PROBLEM);
        admin().body(memberBody("no-such-member", "https://k.example.com/v3", "pw", false))
                .put("/api/v1/members/no-such-member").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void rejectsASlugChangeOnReplace() {
        String slug = uniqueSlug("rename");
        admin().body(memberBody(slug, "https://k.example.com/v3", "pw", false)).post("/api/v1/members").then().statusCode(201);
        admin().body(memberBody("other-slug", "https://k.example.com/v3", "pw", false)).put("/api/v1/members/" + slug)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void needsTheAdminKey() {
        RestAssured.given().get("/api/v1/members").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        RestAssured.given().header("Authorization", "Bearer wrong-key").get("/api/v1/members")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void neverReturnsStoresInClearOrLogsTheSecret() throws Exception {
        String slug = uniqueSlug("secret");
        String password = "Pa55-" + java.util.UUID.randomUUID();
        Response created = admin().body(memberBody(slug, "https://keystone.test/v3", password, false)).post("/api/v1/members");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.asString()).doesNotContain(password);
        assertThat(admin().get("/api/v1/members/" + slug).asString()).doesNotContain(password);
        assertThat(admin().get("/api/v1/members").asString()).doesNotContain(password);

        String stored = (String) em.createNativeQuery("select secret_ciphertext from member where slug = ?1")
                .setParameter(1, slug).getSingleResult();
        assertThat(stored).startsWith("v2:").doesNotContain(password);

        // a bad request that carries the secret does not echo it either
        Map<String, Object> bad = new HashMap<>(memberBody("BAD SLUG", "https://k/v3", password, false));
        assertThat(admin().body(bad).post("/api/v1/members").asString()).doesNotContain(password);

        Path log = Path.of("target/test-app.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).doesNotContain(password);
    }
}
