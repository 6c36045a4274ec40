package org.stackratings.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.createMember;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.keyId;
import static org.stackratings.ApiTestSupport.withKey;

@QuarkusTest
class KeyResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UNAUTHORIZED = "urn:stackratings:problem:unauthorized";
    private static final String FORBIDDEN = "urn:stackratings:problem:forbidden";

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void issuesAKeyShowsItsSecretOnceAndStoresOnlyItsHash() throws Exception {
        String member = createMember("keyed");
        Response issued = admin().body(Map.of("role", "provider", "member", member, "label", "NOC of " + member,
                        "expiresAt", "2099-01-01T00:00:00Z"))
                .post("/api/v1/keys");
        issued.then().statusCode(201).header("Cache-Control", "no-store")
                .body("key", matchesPattern("^sr_[0-9a-f]{16}_[0-9a-f]{64}$"))
                .body("role", equalTo("provider")).body("member", equalTo(member))
                .body("expiresAt", equalTo("2099-01-01T00:00:00Z"));
        String key = issued.path("key");
        String id = issued.path("id");
        String secret = key.substring(20);
        assertThat(key).startsWith("sr_" + id + "_");
        assertThat(issued.header("Location")).endsWith("/api/v1/keys/" + id);

        Response one = admin().get("/api/v1/keys/" + id);
        one.then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("ACTIVE"))
                .body("createdBy", equalTo("bootstrap-admin")).body("label", equalTo("NOC of " + member))
                .body("key", nullValue());
        Response list = admin().get("/api/v1/keys?member=" + member);
        list.then().statusCode(200).body("items.id", hasItem(id)).body("total", equalTo(1));
        assertThat(one.asString()).doesNotContain(secret);
        assertThat(list.asString()).doesNotContain(secret);
        assertThat(admin().get("/api/v1/keys?size=500").asString()).doesNotContain(secret);

        Object[] row = (Object[]) em.createNativeQuery("select id, secret_sha256, role_name, member_slug, label, created_by,"
                + " cast(created_at as varchar(64)), cast(expires_at as varchar(64)) from api_key where id = ?1")
                .setParameter(1, id).getSingleResult();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(row[1]).isEqualTo(sha256);
        assertThat(Arrays.stream(row).map(String::valueOf)).noneMatch(v -> v.contains(secret));
    }

    @Test
    void aProviderKeyReadsOnlyItsOwnMembersPrivateData() {
        String own = createMember("own");
        String other = createMember("other");
        String key = issueKey("provider", own);

        withKey(key).get("/api/v1/members/" + own + "/scores").then().statusCode(200);
        withKey(key).get("/api/v1/members/" + own + "/measurements").then().statusCode(200).body("total", equalTo(0));
        withKey(key).header("Accept", "text/csv").get("/api/v1/members/" + own + "/measurements").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        for (String path : List.of("/api/v1/members/" + other + "/scores", "/api/v1/members/" + other + "/measurements",
                "/api/v1/members/no-such-member/scores", "/api/v1/members/" + own, "/api/v1/keys")) {
            withKey(key).get(path).then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN))
                    .header("WWW-Authenticate", nullValue());
        }
        RestAssured.given().get("/api/v1/ratings/" + own).then().statusCode(200);
        RestAssured.given().get("/api/v1/members/" + own + "/scores").then().statusCode(401).contentType(PROBLEM);
        admin().get("/api/v1/keys/" + keyId(key)).then().body("lastUsedAt", notNullValue());
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndKeptForAudit() {
        String key = issueKey("admin", null);
        String id = keyId(key);
        withKey(key).get("/api/v1/keys").then().statusCode(200);  // now cached on this node

        admin().delete("/api/v1/keys/" + id).then().statusCode(204);
        withKey(key).get("/api/v1/keys").then().statusCode(401).contentType(PROBLEM).body("type", equalTo(UNAUTHORIZED))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        admin().get("/api/v1/keys/" + id).then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revokedAt", notNullValue());
        admin().delete("/api/v1/keys/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:conflict"));
    }

    @Test
    void anExpiredKeyIsRefused() {
        String member = createMember("expiring");
        String key = admin().body(Map.of("role", "provider", "member", member,
                        "expiresAt", Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/keys").then().statusCode(201).extract().path("key");
        String scores = "/api/v1/members/" + member + "/scores";
        withKey(key).get(scores).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> withKey(key).get(scores).statusCode() == 401);
        withKey(key).get(scores).then().contentType(PROBLEM).body("type", equalTo(UNAUTHORIZED))
                .header("WWW-Authenticate", startsWith("Bearer"));
        admin().get("/api/v1/keys/" + keyId(key)).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void wrongKeysGet401WithAChallenge() {
        String key = issueKey("exchange", null);
        String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
        assertThat(wrongSecret).hasSameSizeAs(key).isNotEqualTo(key);
        for (String presented : List.of(wrongSecret, "sr_0123456789abcdef_" + "a".repeat(64), "not-a-key",
                "test-admin-key-2", key.toUpperCase())) {
            withKey(presented).get("/api/v1/keys").then().statusCode(401).contentType(PROBLEM)
                    .body("type", equalTo(UNAUTHORIZED)).header("WWW-Authenticate", startsWith("Bearer realm="));
        }
        RestAssured.given().get("/api/v1/keys").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo(UNAUTHORIZED)).header("WWW-Authenticate", equalTo("Bearer realm=\"stackratings\""));
    }

    @Test
    void aKeyUsedOutsideItsRoleGets403() {
        String member = createMember("roles");
        String exchange = issueKey("exchange", null);
        String provider = issueKey("provider", member);
        withKey(exchange).body(Map.of("role", "admin")).post("/api/v1/keys").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(FORBIDDEN));
        withKey(exchange).get("/api/v1/members/" + member + "/scores").then().statusCode(403).contentType(PROBLEM);
        withKey(provider).delete("/api/v1/keys/" + keyId(exchange)).then().statusCode(403).contentType(PROBLEM);
        withKey(provider).delete("/api/v1/members/" + member).then().statusCode(403).contentType(PROBLEM);
        admin().get("/api/v1/members/" + member).then().body("status", equalTo("ACTIVE"));
        admin().get("/api/v1/keys/" + keyId(exchange)).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void anIssuedAdminKeyIssuesKeysInItsOwnName() {
        String adminKey = issueKey("admin", null);
        String id = withKey(adminKey).body(Map.of("role", "exchange")).post("/api/v1/keys")
                .then().statusCode(201).extract().path("id");
        admin().get("/api/v1/keys/" + id).then().body("createdBy", equalTo("key:" + keyId(adminKey)));
    }

    @Test
    void rejectsBadRequestsWithProblems() {
        String member = createMember("bad");
        String withdrawn = createMember("gone");
        admin().delete("/api/v1/members/" + withdrawn).then().statusCode(204);

        bad(Map.of("role", "root"), 400, "validation").body("errors.field", hasItem("role"));
        bad(Map.of("label", "no role"), 400, "validation").body("errors.field", hasItem("role"));
        bad(Map.of("role", "provider"), 400, "bad-request").body("detail", containsString("member"));
        bad(Map.of("role", "exchange", "member", member), 400, "bad-request");
        bad(Map.of("role", "provider", "member", "Not A Slug"), 400, "validation").body("errors.field", hasItem("member"));
        bad(Map.of("role", "exchange", "expiresAt", "2020-01-01T00:00:00Z"), 400, "bad-request")
                .body("detail", containsString("expiresAt"));
        bad(Map.of("role", "exchange", "expiresAt", "tomorrow"), 400, "malformed-body");
        bad(Map.of("role", "exchange", "colour", "blue"), 400, "malformed-body");
        bad(Map.of("role", "exchange", "label", "x".repeat(201)), 400, "validation");
        bad(Map.of("role", "provider", "member", "no-such-member"), 404, "not-found");
        bad(Map.of("role", "provider", "member", withdrawn), 409, "conflict");
        admin().body("{\"role\": ").post("/api/v1/keys").then().statusCode(400).contentType(PROBLEM);
        admin().get("/api/v1/keys/ffffffffffffffff").then().statusCode(404).contentType(PROBLEM);
        admin().delete("/api/v1/keys/nope").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:not-found"));
        admin().get("/api/v1/keys?size=0").then().statusCode(400).contentType(PROBLEM);
        admin().get("/api/v1/keys?member=" + withdrawn).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void neverLogsASecret() throws Exception {
        String member = createMember("logged");
        String key = issueKey("provider", member);
        String secret = key.substring(20);
        withKey(key).get("/api/v1/members/" + member + "/scores").then().statusCode(200);
        String wrong = key.substring(0, 20) + new StringBuilder(secret).reverse();
        withKey(wrong).get("/api/v1/members/" + member + "/scores").then().statusCode(401);
        admin().delete("/api/v1/keys/" + keyId(key)).then().statusCode(204);
        withKey(key).get("/api/v1/members/" + member + "/scores").then().statusCode(401);

        String log = Files.readString(Path.of("target/test-app.log"));
        assertThat(log).contains("Issued provider API key " + keyId(key)).contains("Revoked API key " + keyId(key));
        assertThat(log).doesNotContain(secret).doesNotContain(new StringBuilder(secret).reverse());
    }

    private static io.restassured.response.ValidatableResponse bad(Map<String, Object> body, int status, String type) {
        return admin().body(new HashMap<>(body)).post("/api/v1/keys").then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:" + type));
    }
}
