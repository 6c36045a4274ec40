package org.stackratings;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared helpers for API tests: the admin key of the test profile and member bodies. */
public final class ApiTestSupport {

    public static final String ADMIN_KEY = "test-admin-key";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ApiTestSupport() {
    }

    public static RequestSpecification admin() {
        return RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON);
    }

    /** A request that presents the given API key. */
    public static RequestSpecification withKey(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /** Onboards a member whose probes are all off (nothing runs against it) and returns its slug. */
    public static String createMember(String prefix) {
        String slug = uniqueSlug(prefix);
        admin().body(memberBody(slug, "https://keystone.test/v3", "pw", false)).post("/api/v1/members")
                .then().statusCode(201);
        return slug;
    }

    /** Issues a key with the bootstrap admin key and returns it (the secret form, sr_<id>_<secret>). */
    public static String issueKey(String role, String member) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("role", role, "label", "test " + role));
        if (member != null) {
            body.put("member", member);
        }
        return admin().body(body).post("/api/v1/keys").then().statusCode(201).extract().path("key");
    }

    /** The public id inside an issued key. */
    public static String keyId(String key) {
        return key.substring(3, 19);
    }

    /** A request that sends a YAML body (sandbox profiles) as text. */
    public static RequestSpecification yaml() {
        return RestAssured.given().config(RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().encodeContentTypeAs("application/yaml", ContentType.TEXT)))
                .contentType("application/yaml");
    }

    /** A slug no other test uses in this JVM. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** A member body with password credentials; the api probe is off unless the test turns it on. */
    public static Map<String, Object> memberBody(String slug, String authUrl, String password, boolean apiProbe) {
        return Map.of(
                "slug", slug,
                "displayName", "Cloud " + slug,
                "authUrl", authUrl,
                "region", "RegionOne",
                "project", Map.of("name", "probe", "domain", "Default"),
                "credentials", Map.of("type", "password", "username", "probe", "password", password, "userDomain", "Default"),
                "probes", Map.of("api", Map.of("enabled", apiProbe)));
    }
}
