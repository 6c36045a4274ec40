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
