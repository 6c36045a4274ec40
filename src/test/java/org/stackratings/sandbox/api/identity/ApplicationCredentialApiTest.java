package org.stackratings.sandbox.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.identity.ApplicationCredential;

class ApplicationCredentialApiTest {

    private static final String IDENTITY = "/cred/identity/v3";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private SandboxFixture sandbox;
    private String token;
    private String userId;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start(List.of(CloudProfile.basic("cred", "cred-secret")), clock);
        token = sandbox.token("cred", "cred-secret");
        userId = sandbox.server.cloud("cred").orElseThrow().profile().users().get(0).id();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String path() {
        return IDENTITY + "/users/" + userId + "/application_credentials";
    }

    private HttpResponse<String> create(String token, String body) {
        return sandbox.call("POST", path(), token, body);
    }

    private static String issue(String id, String secret) {
        return SandboxFixture.appCredential(id, secret);
    }

    @Test
    void createShowsTheSecretOnceKeepsOnlyItsHashAndItsTokensWork() {
        HttpResponse<String> created = create(token, "{\"application_credential\":{\"name\":\"ci\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject cred = SandboxFixture.json(created).getJsonObject("application_credential");
        String secret = cred.getString("secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(80);
        assertThat(cred.getString("project_id")).isEqualTo(sandbox.server.cloud("cred").orElseThrow()
                .profile().project().id());
        assertThat(cred.getBoolean("unrestricted")).isFalse();
        assertThat(cred.getValue("expires_at")).isNull();
        assertThat(cred.getJsonArray("roles").stream().map(r -> ((JsonObject) r).getString("name")))
                .containsExactlyInAnyOrder("member", "reader");

        HttpResponse<String> shown = sandbox.get(path() + "/" + cred.getString("id"), token);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(shown).getJsonObject("application_credential").containsKey("secret")).isFalse();
        ApplicationCredential stored = sandbox.server.cloud("cred").orElseThrow().identity().applicationCredentials()
                .find(cred.getString("id")).orElseThrow();
        assertThat(stored.secret().matches(secret)).isTrue();
        assertThat(stored.secret().toString()).doesNotContain(secret);

        HttpResponse<String> auth = sandbox.post(IDENTITY + "/auth/tokens", issue(cred.getString("id"), secret));
        assertThat(auth.statusCode()).isEqualTo(201);
        JsonObject body = SandboxFixture.json(auth).getJsonObject("token");
        assertThat(body.getJsonArray("methods").getList()).containsExactly("application_credential");
        assertThat(body.getJsonObject("application_credential").getBoolean("restricted")).isTrue();
        assertThat(sandbox.post(IDENTITY + "/auth/tokens", issue(cred.getString("id"), secret + "x")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aGivenSecretIsKeptAndADuplicateNameIs409() {
        HttpResponse<String> created = create(token,
                "{\"application_credential\":{\"name\":\"mine\",\"secret\":\"s3cret\",\"description\":\"d\"}}");
        assertThat(SandboxFixture.json(created).getJsonObject("application_credential").getString("secret"))
                .isEqualTo("s3cret");
        HttpResponse<String> again = create(token, "{\"application_credential\":{\"name\":\"mine\"}}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(SandboxFixture.json(again).getJsonObject("error").getInteger("code")).isEqualTo(409);
    }

    @Test
    void listFiltersByNameAndDeleteRevokesItsTokens() {
        String one = SandboxFixture.json(create(token, "{\"application_credential\":{\"name\":\"one\","
                + "\"secret\":\"x\"}}")).getJsonObject("application_credential").getString("id");
        create(token, "{\"application_credential\":{\"name\":\"two\"}}");
        JsonObject all = SandboxFixture.json(sandbox.get(path(), token));
        assertThat(all.getJsonArray("application_credentials").stream()
                .map(c -> ((JsonObject) c).getString("name"))).contains("one", "two");
        JsonObject named = SandboxFixture.json(sandbox.get(path() + "?name=two", token));
        assertThat(named.getJsonArray("application_credentials")).hasSize(1);
        assertThat(named.getJsonArray("application_credentials").getJsonObject(0).getString("name")).isEqualTo("two");

        String appToken = sandbox.post(IDENTITY + "/auth/tokens", issue(one, "x")).headers()
                .firstValue("X-Subject-Token").orElseThrow();
        assertThat(sandbox.get("/cred/compute/v2.1/flavors", appToken).statusCode()).isEqualTo(200);
        assertThat(sandbox.call("DELETE", path() + "/" + one, token, null).statusCode()).isEqualTo(204);
        assertThat(sandbox.get(path() + "/" + one, token).statusCode()).isEqualTo(404);
        assertThat(sandbox.call("DELETE", path() + "/" + one, token, null).statusCode()).isEqualTo(404);
        assertThat(sandbox.get("/cred/compute/v2.1/flavors", appToken).statusCode()).isEqualTo(401);
        assertThat(sandbox.post(IDENTITY + "/auth/tokens", issue(one, "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void expiresAtIsEchoedAsKeystoneWritesItAndCapsTheTokens() {
        HttpResponse<String> created = create(token, "{\"application_credential\":{\"name\":\"short\","
                + "\"secret\":\"x\",\"expires_at\":\"2026-06-01T10:30:00.250000\"}}");
        JsonObject cred = SandboxFixture.json(created).getJsonObject("application_credential");
        assertThat(cred.getString("expires_at")).isEqualTo("2026-06-01T10:30:00.250000");
        HttpResponse<String> auth = sandbox.post(IDENTITY + "/auth/tokens", issue(cred.getString("id"), "x"));
        assertThat(SandboxFixture.json(auth).getJsonObject("token").getString("expires_at"))
                .isEqualTo("2026-06-01T10:30:00.250000Z");
        clock.advance(Duration.ofHours(2));
        assertThat(sandbox.post(IDENTITY + "/auth/tokens", issue(cred.getString("id"), "x")).statusCode())
                .isEqualTo(401);
        String whole = SandboxFixture.json(create(sandbox.token("cred", "cred-secret"),
                "{\"application_credential\":{\"name\":\"whole\",\"expires_at\":\"2027-01-01T00:00:00Z\"}}"))
                .getJsonObject("application_credential").getString("expires_at");
        assertThat(whole).isEqualTo("2027-01-01T00:00:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"application_credential\":{}}",
        "{\"application_credential\":{\"name\":\"\"}}",
        "{\"application_credential\":{\"name\":\"x\",\"colour\":\"red\"}}",
        "{\"application_credential\":{\"name\":\"x\",\"unrestricted\":\"yes\"}}",
        "{\"application_credential\":{\"name\":\"x\",\"expires_at\":\"next tuesday\"}}",
        "{\"application_credential\":{\"name\":\"x\",\"expires_at\":\"2020-01-01T00:00:00\"}}",
        "{\"application_credential\":{\"name\":\"x\",\"roles\":[{\"id\":\"nope\"}]}}",
        "{\"application_credential\":{\"name\":\"x\",\"access_rules\":[{\"service\":\"compute\",\"path\":\"/v2.1\","
                + "\"method\":\"BREW\"}]}}",
    })
    void invalidBodiesAre400(String body) {
        HttpResponse<String> r = create(token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(SandboxFixture.json(r).getJsonObject("error").getString("title")).isEqualTo("Bad Request");
    }

    @Test
    void rolesAreASubsetOfTheTokensAndTheTokenCarriesOnlyThose() {
        HttpResponse<String> created = create(token, "{\"application_credential\":{\"name\":\"ro\",\"secret\":\"x\","
                + "\"roles\":[{\"name\":\"reader\"}]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = SandboxFixture.json(created).getJsonObject("application_credential").getString("id");
        JsonObject tokenBody = SandboxFixture.json(sandbox.post(IDENTITY + "/auth/tokens", issue(id, "x")))
                .getJsonObject("token");
        assertThat(tokenBody.getJsonArray("roles").stream().map(r -> ((JsonObject) r).getString("name")))
                .containsExactly("reader");
        assertThat(create(token, "{\"application_credential\":{\"name\":\"adm\",\"roles\":[{\"name\":\"admin\"}]}}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersPathIsForbiddenAndARestrictedCredentialCannotMakeMore() {
        assertThat(sandbox.call("POST", IDENTITY + "/users/someone-else/application_credentials", token,
                "{\"application_credential\":{\"name\":\"x\"}}").statusCode()).isEqualTo(403);
        assertThat(sandbox.get(IDENTITY + "/users/someone-else/application_credentials", token).statusCode())
                .isEqualTo(403);
        String id = SandboxFixture.json(create(token, "{\"application_credential\":{\"name\":\"r\",\"secret\":\"x\"}}"))
                .getJsonObject("application_credential").getString("id");
        String restricted = sandbox.post(IDENTITY + "/auth/tokens", issue(id, "x")).headers()
                .firstValue("X-Subject-Token").orElseThrow();
        HttpResponse<String> refused = create(restricted, "{\"application_credential\":{\"name\":\"more\"}}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("application_credential");
        String free = SandboxFixture.json(create(token, "{\"application_credential\":{\"name\":\"u\",\"secret\":\"y\","
                + "\"unrestricted\":true}}")).getJsonObject("application_credential").getString("id");
        String unrestricted = sandbox.post(IDENTITY + "/auth/tokens", issue(free, "y")).headers()
                .firstValue("X-Subject-Token").orElseThrow();
        assertThat(create(unrestricted, "{\"application_credential\":{\"name\":\"more\"}}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void accessRulesLimitTheTokenAndOutliveTheCredentialUntilDeleted() {
        HttpResponse<String> created = create(token, "{\"application_credential\":{\"name\":\"rules\",\"secret\":\"x\","
                + "\"access_rules\":[{\"service\":\"compute\",\"method\":\"GET\",\"path\":\"/v2.1/flavors\"}]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject cred = SandboxFixture.json(created).getJsonObject("application_credential");
        JsonObject rule = cred.getJsonArray("access_rules").getJsonObject(0);
        assertThat(rule.fieldNames()).containsExactlyInAnyOrder("id", "service", "method", "path");
        String ruleId = rule.getString("id");
        String limited = sandbox.post(IDENTITY + "/auth/tokens", issue(cred.getString("id"), "x")).headers()
                .firstValue("X-Subject-Token").orElseThrow();
        assertThat(sandbox.get("/cred/compute/v2.1/flavors", limited).statusCode()).isEqualTo(200);
        assertThat(sandbox.get("/cred/compute/v2.1/servers", limited).statusCode()).isEqualTo(401);

        String rules = IDENTITY + "/users/" + userId + "/access_rules";
        assertThat(SandboxFixture.json(sandbox.get(rules, token)).getJsonArray("access_rules")).hasSize(1);
        assertThat(sandbox.get(rules + "/" + ruleId, token).statusCode()).isEqualTo(200);
        assertThat(sandbox.call("DELETE", rules + "/" + ruleId, token, null).statusCode()).isEqualTo(403);
        assertThat(sandbox.call("DELETE", path() + "/" + cred.getString("id"), token, null).statusCode())
                .isEqualTo(204);
        assertThat(SandboxFixture.json(sandbox.get(rules, token)).getJsonArray("access_rules")).hasSize(1);
        assertThat(sandbox.call("DELETE", rules + "/" + ruleId, token, null).statusCode()).isEqualTo(204);
        assertThat(SandboxFixture.json(sandbox.get(rules, token)).getJsonArray("access_rules")).isEmpty();
        assertThat(sandbox.get(rules + "/" + ruleId, token).statusCode()).isEqualTo(404);
    }
}
