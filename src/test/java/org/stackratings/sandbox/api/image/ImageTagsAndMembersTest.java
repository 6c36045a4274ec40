package org.stackratings.sandbox.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.sandbox.api.image.GlanceClient.op;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** Glance's image tags and members (shared images only). */
class ImageTagsAndMembersTest {

    private static SandboxFixture sandbox;
    private static GlanceClient glance;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        glance = new GlanceClient(sandbox, sandbox.token("alpha", "alpha-secret"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void addsAndDeletesTags() {
        String id = glance.createdRaw("tagged").getString("id");
        assertThat(glance.call("PUT", "/" + id + "/tags/blue", null).statusCode()).isEqualTo(204);
        assertThat(glance.call("PUT", "/" + id + "/tags/blue", null).statusCode()).as("again").isEqualTo(204);
        assertThat(SandboxFixture.json(glance.show(id)).getJsonArray("tags").getList()).containsExactly("blue");
        assertThat(glance.call("DELETE", "/" + id + "/tags/blue", null).statusCode()).isEqualTo(204);
        assertThat(SandboxFixture.json(glance.show(id)).getJsonArray("tags")).isEmpty();
        assertThat(glance.call("DELETE", "/" + id + "/tags/blue", null).statusCode()).isEqualTo(404);
        assertThat(glance.call("PUT", "/00000000-0000-0000-0000-000000000001/tags/x", null).statusCode())
                .isEqualTo(404);
        assertThat(glance.call("PUT", "/" + id + "/tags/" + "t".repeat(256), null).statusCode()).isEqualTo(400);
    }

    @Test
    void onlySharedImagesHaveMembers() {
        String own = glance.created(new JsonObject().put("name", "private").put("visibility", "private"))
                .getString("id");
        String member = new JsonObject().put("member", "another-project").encode();
        HttpResponse<String> refused = glance.call("POST", "/" + own + "/members", member);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(SandboxFixture.json(refused).getString("message")).isEqualTo("Only shared images have members.");
        assertThat(glance.call("GET", "/" + own + "/members", null).statusCode()).isEqualTo(403);

        String shared = glance.createdRaw("shared").getString("id");
        HttpResponse<String> added = glance.call("POST", "/" + shared + "/members", member);
        assertThat(added.statusCode()).isEqualTo(200);
        JsonObject doc = SandboxFixture.json(added);
        assertThat(doc.getString("status")).isEqualTo("pending");
        assertThat(doc.getString("member_id")).isEqualTo("another-project");
        assertThat(doc.getString("image_id")).isEqualTo(shared);
        assertThat(doc.getString("schema")).isEqualTo("/v2/schemas/member");
        assertThat(glance.call("POST", "/" + shared + "/members", member).statusCode()).isEqualTo(409);
        assertThat(glance.call("POST", "/" + shared + "/members", "{}").statusCode()).isEqualTo(400);
        JsonObject members = SandboxFixture.json(glance.call("GET", "/" + shared + "/members", null));
        assertThat(members.getJsonArray("members")).hasSize(1);
        assertThat(members.getString("schema")).isEqualTo("/v2/schemas/members");
        assertThat(glance.call("GET", "/" + shared + "/members/another-project", null).statusCode()).isEqualTo(200);
        assertThat(glance.call("PUT", "/" + shared + "/members/another-project",
                new JsonObject().put("status", "accepted").encode()).statusCode())
                .as("only the member accepts").isEqualTo(403);
        assertThat(glance.patch(shared, new JsonArray().add(op("replace", "/visibility", "private"))).statusCode())
                .isEqualTo(200);
        assertThat(glance.call("DELETE", "/" + shared + "/members/another-project", null).statusCode())
                .as("no longer shared").isEqualTo(403);
        glance.patch(shared, new JsonArray().add(op("replace", "/visibility", "shared")));
        assertThat(glance.call("DELETE", "/" + shared + "/members/another-project", null).statusCode()).isEqualTo(204);
        assertThat(glance.call("GET", "/" + shared + "/members/another-project", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aProjectThatIsAMemberOfItsOwnImageAcceptsIt() {
        String shared = glance.createdRaw("self-shared").getString("id");
        String project = SandboxFixture.json(glance.show(shared)).getString("owner");
        glance.call("POST", "/" + shared + "/members", new JsonObject().put("member", project).encode());
        HttpResponse<String> accepted = glance.call("PUT", "/" + shared + "/members/" + project,
                new JsonObject().put("status", "accepted").encode());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(accepted).getString("status")).isEqualTo("accepted");
        assertThat(glance.call("PUT", "/" + shared + "/members/" + project,
                new JsonObject().put("status", "maybe").encode()).statusCode()).isEqualTo(400);
    }
}
