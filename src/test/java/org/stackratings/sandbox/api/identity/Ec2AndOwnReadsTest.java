package org.stackratings.sandbox.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;

/** EC2 credentials and what a member may read of its user, project and domain. */
class Ec2AndOwnReadsTest {

    private static final String IDENTITY = "/ec2/identity/v3";
    private static SandboxFixture sandbox;
    private static String token;
    private static String userId;
    private static String projectId;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(List.of(CloudProfile.basic("ec2", "ec2-secret")));
        token = sandbox.token("ec2", "ec2-secret");
        userId = sandbox.server.cloud("ec2").orElseThrow().profile().users().get(0).id();
        projectId = sandbox.server.cloud("ec2").orElseThrow().profile().project().id();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void ec2CredentialsAreCreatedListedShownAndDeleted() {
        String path = IDENTITY + "/users/" + userId + "/credentials/OS-EC2";
        HttpResponse<String> created = sandbox.call("POST", path, token, "{\"tenant_id\":\"" + projectId + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject cred = SandboxFixture.json(created).getJsonObject("credential");
        assertThat(cred.getString("access")).hasSize(32);
        assertThat(cred.getString("secret")).hasSize(32).isNotEqualTo(cred.getString("access"));
        assertThat(cred.getString("user_id")).isEqualTo(userId);
        assertThat(cred.getString("tenant_id")).isEqualTo(projectId);
        String access = cred.getString("access");

        assertThat(SandboxFixture.json(sandbox.get(path, token)).getJsonArray("credentials").stream()
                .map(c -> ((JsonObject) c).getString("access"))).contains(access);
        JsonObject shown = SandboxFixture.json(sandbox.get(path + "/" + access, token)).getJsonObject("credential");
        assertThat(shown.getString("secret")).isEqualTo(cred.getString("secret"));
        assertThat(sandbox.call("DELETE", path + "/" + access, token, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = sandbox.get(path + "/" + access, token);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(gone).getJsonObject("error").getString("message"))
                .startsWith("Could not find credential: ");
    }

    @Test
    void ec2CredentialsNeedAKnownProjectAndTheOwnUser() {
        String path = IDENTITY + "/users/" + userId + "/credentials/OS-EC2";
        assertThat(sandbox.call("POST", path, token, "{\"tenant_id\":\"nope\"}").statusCode()).isEqualTo(404);
        assertThat(sandbox.call("POST", IDENTITY + "/users/other/credentials/OS-EC2", token,
                "{\"tenant_id\":\"" + projectId + "\"}").statusCode()).isEqualTo(403);
        assertThat(sandbox.get(IDENTITY + "/users/other/credentials/OS-EC2", token).statusCode()).isEqualTo(403);
    }

    @Test
    void ownUserProjectAndDomainAreReadableOthersForbidden() {
        JsonObject user = SandboxFixture.json(sandbox.get(IDENTITY + "/users/" + userId, token)).getJsonObject("user");
        assertThat(user.getString("name")).isEqualTo("probe");
        assertThat(user.getString("domain_id")).isEqualTo("default");
        assertThat(sandbox.get(IDENTITY + "/users/other", token).statusCode()).isEqualTo(403);
        assertThat(sandbox.get(IDENTITY + "/users", token).statusCode()).isEqualTo(403);

        JsonObject projects = SandboxFixture.json(sandbox.get(IDENTITY + "/users/" + userId + "/projects", token));
        assertThat(projects.getJsonArray("projects").getJsonObject(0).getString("id")).isEqualTo(projectId);
        assertThat(sandbox.get(IDENTITY + "/users/other/projects", token).statusCode()).isEqualTo(403);
        assertThat(SandboxFixture.json(sandbox.get(IDENTITY + "/projects/" + projectId, token))
                .getJsonObject("project").getString("name")).isEqualTo("probe");
        assertThat(sandbox.get(IDENTITY + "/projects/other", token).statusCode()).isEqualTo(403);
        assertThat(sandbox.get(IDENTITY + "/projects", token).statusCode()).isEqualTo(403);

        JsonObject domain = SandboxFixture.json(sandbox.get(IDENTITY + "/domains/default", token))
                .getJsonObject("domain");
        assertThat(domain.getBoolean("enabled")).isTrue();
        assertThat(domain.getString("name")).isEqualTo("Default");
        HttpResponse<String> other = sandbox.get(IDENTITY + "/domains/other", token);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(SandboxFixture.json(other).getJsonObject("error").getString("title")).isEqualTo("Forbidden");
        assertThat(SandboxFixture.json(sandbox.get(IDENTITY + "/auth/domains", token)).getJsonArray("domains"))
                .isEmpty();
        assertThat(SandboxFixture.json(sandbox.get(IDENTITY + "/auth/system", token)).getJsonArray("system"))
                .isEmpty();
    }
}
