package org.stackratings.sandbox.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.UserSpec;

/** Token validation (allow_expired, nocatalog, another user's tokens), revocation and rescoping. */
class TokenApiTest {

    private static final String TOKENS = "/tok/identity/v3/auth/tokens";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private SandboxFixture sandbox;

    @BeforeEach
    void start() {
        CloudProfile base = CloudProfile.basic("tok", "tok-secret").withTokenTtl(Duration.ofHours(1));
        CloudProfile twoUsers = base.withUsers(List.of(base.users().get(0), new UserSpec(null, "other", "other-secret")));
        sandbox = SandboxFixture.start(List.of(twoUsers), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> validate(String method, String query, String token, String subject) {
        return sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + TOKENS + query))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Auth-Token", token).header("X-Subject-Token", subject).build());
    }

    @Test
    void expiredTokensAreFoundOnlyWithAllowExpiredWithin48Hours() {
        String subject = sandbox.token("tok", "tok-secret");
        clock.advance(Duration.ofHours(2));
        String caller = sandbox.token("tok", "tok-secret");
        assertThat(validate("GET", "", caller, subject).statusCode()).isEqualTo(404);
        HttpResponse<String> allowed = validate("GET", "?allow_expired=true", caller, subject);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(allowed).getJsonObject("token").getString("expires_at"))
                .isEqualTo("2026-06-01T11:00:00.000000Z");
        clock.advance(Duration.ofHours(48));
        String late = sandbox.token("tok", "tok-secret");
        assertThat(validate("GET", "?allow_expired=1", late, subject).statusCode()).isEqualTo(404);
    }

    @Test
    void nocatalogLeavesTheCatalogOutAndAnotherUsersTokenIsForbidden() {
        String token = sandbox.token("tok", "tok-secret");
        JsonObject full = SandboxFixture.json(validate("GET", "", token, token)).getJsonObject("token");
        assertThat(full.getJsonArray("catalog")).isNotEmpty();
        JsonObject bare = SandboxFixture.json(validate("GET", "?nocatalog", token, token)).getJsonObject("token");
        assertThat(bare.containsKey("catalog")).isFalse();
        assertThat(bare.getJsonObject("project")).isNotNull();

        HttpResponse<String> other = sandbox.post(TOKENS, SandboxFixture.byName("other", "other-secret"));
        String otherToken = other.headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(validate("GET", "", otherToken, token).statusCode()).isEqualTo(403);
        assertThat(validate("DELETE", "", otherToken, token).statusCode()).isEqualTo(403);
        assertThat(validate("HEAD", "", token, token).statusCode()).isEqualTo(200);
        assertThat(sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + TOKENS))
                .header("X-Auth-Token", token).GET().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void rescopingKeepsTheExpiryAndRevokingTheParentRevokesTheChild() {
        HttpResponse<String> unscoped = sandbox.post(TOKENS, SandboxFixture.passwordAuth(
                "{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}", "tok-secret", null));
        String parent = unscoped.headers().firstValue("X-Subject-Token").orElseThrow();
        String parentExpiry = SandboxFixture.json(unscoped).getJsonObject("token").getString("expires_at");
        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> rescoped = sandbox.post(TOKENS, "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"id\":\"" + parent + "\"}},\"scope\":{\"project\":{\"name\":\"probe\","
                + "\"domain\":{\"id\":\"default\"}}}}}");
        assertThat(rescoped.statusCode()).isEqualTo(201);
        JsonObject child = SandboxFixture.json(rescoped).getJsonObject("token");
        assertThat(child.getString("expires_at")).isEqualTo(parentExpiry);
        assertThat(child.getJsonArray("methods").getList()).containsExactly("token", "password");
        assertThat(child.getJsonArray("audit_ids")).hasSize(2);
        String childToken = rescoped.headers().firstValue("X-Subject-Token").orElseThrow();
        String caller = sandbox.token("tok", "tok-secret");
        assertThat(validate("DELETE", "", caller, parent).statusCode()).isEqualTo(204);
        assertThat(validate("GET", "", caller, childToken).statusCode()).isEqualTo(404);
        assertThat(validate("DELETE", "", caller, parent).statusCode()).isEqualTo(404);
    }
}
