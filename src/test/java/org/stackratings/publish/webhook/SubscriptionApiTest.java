package org.stackratings.publish.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.web.ProblemException;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.stackratings.ApiTestSupport.admin;

@QuarkusTest
class SubscriptionApiTest {

    private static final String TARGET = "http://127.0.0.1:9/hook";

    @Inject
    SubscriptionService subscriptions;

    @Test
    void badTargetsSecretsAndBodiesAreProblems() {
        for (String url : new String[]{"ftp://127.0.0.1/hook", "/relative", "http://user:pw@127.0.0.1/hook",
                "http:///nohost", "http://127.0.0.1:99999/hook"}) {
            admin().body(Map.of("targetUrl", url)).post("/api/v1/subscriptions").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("targetUrl"));
        }
        admin().body(Map.of("targetUrl", TARGET, "secret", "short")).post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:stackratings:problem:validation"))
                .body("errors.field", hasItem("secret"))
                .body(not(containsString("short")));
        admin().body(Map.of("targetUrl", TARGET, "secret", "has spaces in the secret 0123456789")).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors.field", hasItem("secret"));
        admin().body(Map.of("targetUrl", TARGET, "colour", "red")).post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:stackratings:problem:malformed-body"));
        admin().body("{\"targetUrl\": ").post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json");
        String huge = "{\"targetUrl\":\"" + TARGET + "\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        admin().body(huge).post("/api/v1/subscriptions").then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("urn:stackratings:problem:payload-too-large"));
    }

    @Test
    void anOversizeBodyWithoutContentLengthIsRefusedWith413Problem() throws Exception {
        java.net.http.HttpResponse<String> response = postChunked(
                "{\"targetUrl\":\"" + TARGET + "\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:stackratings:problem:payload-too-large").contains("size limit");
    }

    @Test
    void aSmallBodyWithoutContentLengthIsRead() throws Exception {
        java.net.http.HttpResponse<String> response = postChunked(
                "{\"targetUrl\":\"" + TARGET + "\",\"description\":\"sent chunked\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("sent chunked");
    }

    /** POSTs a subscription with a body of unknown length, which the JDK client sends chunked. */
    private static java.net.http.HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/subscriptions"))
                .header("Authorization", "Bearer " + org.stackratings.ApiTestSupport.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void needsAKeyAndAnswers404ForWhatItDoesNotKnow() {
        RestAssured.given().contentType("application/json").body(Map.of("targetUrl", TARGET)).post("/api/v1/subscriptions")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.get("/api/v1/subscriptions").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer wrong-key").get("/api/v1/subscriptions").then().statusCode(401);
        admin().get("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/v1/subscriptions/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        admin().delete("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(404);
        admin().get("/api/v1/subscriptions/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);

        String id = admin().body(Map.of("targetUrl", TARGET)).post("/api/v1/subscriptions").then().statusCode(201)
                .extract().jsonPath().getString("id");
        admin().get("/api/v1/subscriptions?size=500").then().statusCode(200).body("items.id", hasItem(id));
        admin().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        admin().get("/api/v1/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void anExchangeSeesOnlyItsOwnSubscriptionsAndAnAdminSeesAll() {
        SubscriptionService.Caller a = new SubscriptionService.Caller("exchange-a-" + UUID.randomUUID(), false);
        SubscriptionService.Caller b = new SubscriptionService.Caller("exchange-b-" + UUID.randomUUID(), false);
        SubscriptionService.Caller admin = new SubscriptionService.Caller("some-admin", true);
        UUID id = subscriptions.create(a, new SubscriptionRequest(TARGET, null, "a's")).subscription().id();
        try {
            assertThat(subscriptions.find(a, id)).isPresent();
            assertThat(subscriptions.find(b, id)).isEmpty();
            assertThat(subscriptions.list(b, 0, 500)).noneMatch(s -> s.id().equals(id));
            assertThat(subscriptions.count(b)).isZero();
            assertThat(subscriptions.deliveries(b, id, null, 0, 10)).isEmpty();
            assertThat(subscriptions.delete(b, id)).isFalse();
            assertThat(subscriptions.list(a, 0, 500)).extracting(SubscriptionView::id).containsExactly(id);
            assertThat(subscriptions.find(admin, id)).get().extracting(SubscriptionView::owner).isEqualTo(a.name());
            assertThat(subscriptions.list(admin, 0, 500)).extracting(SubscriptionView::id).contains(id);
        } finally {
            assertThat(subscriptions.delete(a, id)).isTrue();
        }
    }

    @Test
    void aKeyHoldsAtMostTheConfiguredNumberOfSubscriptions() {
        SubscriptionService.Caller c = new SubscriptionService.Caller("exchange-c-" + UUID.randomUUID(), false);
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(subscriptions.create(c, new SubscriptionRequest(TARGET, null, null)).subscription().id());
            }
            assertThatThrownBy(() -> subscriptions.create(c, new SubscriptionRequest(TARGET, null, null)))
                    .isInstanceOf(ProblemException.class).hasMessageContaining("20 subscriptions");
        } finally {
            ids.forEach(id -> subscriptions.delete(c, id));
        }
    }
}
