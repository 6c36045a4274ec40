package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nova's server tags (2.26) and their list filters, sorting, server groups, quota sets and limits. */
class ServerTagsAndGroupsTest {

    private static final String GROUPS = NovaTestCloud.V21 + "/os-server-groups";
    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    private String tags(String id) {
        return NovaTestCloud.SERVERS + "/" + id + "/tags";
    }

    @Test
    void tagsAreAddedCheckedReplacedAndDeleted() {
        String id = nova.activeServer("tagged");
        assertThat(nova.call("GET", tags(id), null).statusCode()).isEqualTo(404);
        assertThat(nova.call("PUT", tags(id) + "/blue", null, "2.26").statusCode()).isEqualTo(201);
        assertThat(nova.call("PUT", tags(id) + "/blue", null, "2.26").statusCode()).isEqualTo(204);
        assertThat(nova.call("GET", tags(id) + "/blue", null, "2.26").statusCode()).isEqualTo(204);
        assertThat(nova.call("GET", tags(id) + "/red", null, "2.26").statusCode()).isEqualTo(404);
        JsonObject replaced = nova.ok(nova.call("PUT", tags(id), new JsonObject().put("tags",
                new JsonArray().add("a").add("b")), "2.26"), 200);
        assertThat(replaced.getJsonArray("tags")).containsExactly("a", "b");
        assertThat(nova.show(id, "2.26").getJsonArray("tags")).containsExactly("a", "b");
        assertThat(nova.call("DELETE", tags(id) + "/a", null, "2.26").statusCode()).isEqualTo(204);
        assertThat(nova.call("DELETE", tags(id) + "/a", null, "2.26").statusCode()).isEqualTo(404);
        assertThat(nova.call("DELETE", tags(id), null, "2.26").statusCode()).isEqualTo(204);
        assertThat(nova.ok(nova.call("GET", tags(id), null, "2.26"), 200).getJsonArray("tags")).isEmpty();
    }

    @Test
    void tagsHaveNovasLimits() {
        String id = nova.activeServer("limits");
        assertThat(nova.call("PUT", tags(id) + "/" + "x".repeat(61), null, "2.26").statusCode()).isEqualTo(400);
        assertThat(nova.call("PUT", tags(id) + "/a,b", null, "2.26").statusCode()).isEqualTo(400);
        JsonArray fifty = new JsonArray(IntStream.range(0, 50).mapToObj(i -> "t" + i).toList());
        assertThat(nova.call("PUT", tags(id), new JsonObject().put("tags", fifty), "2.26").statusCode())
                .isEqualTo(200);
        assertThat(nova.call("PUT", tags(id) + "/one-more", null, "2.26").statusCode()).isEqualTo(400);
        JsonArray fiftyOne = fifty.copy().add("t50");
        assertThat(nova.call("PUT", tags(id), new JsonObject().put("tags", fiftyOne), "2.26").statusCode())
                .isEqualTo(400);
    }

    @Test
    void listFiltersByTagsAndSorts() {
        String a = nova.activeServer("alpha");
        String b = nova.activeServer("bravo");
        nova.call("PUT", tags(a), new JsonObject().put("tags", new JsonArray().add("x").add("y")), "2.26");
        nova.call("PUT", tags(b), new JsonObject().put("tags", new JsonArray().add("y")), "2.26");
        assertThat(names("?tags=x,y")).containsExactly("alpha");
        assertThat(names("?tags-any=x,y")).containsExactlyInAnyOrder("alpha", "bravo");
        assertThat(names("?not-tags=x,y")).containsExactly("bravo");
        assertThat(names("?not-tags-any=x")).containsExactly("bravo");
        assertThat(names("?sort_key=display_name&sort_dir=asc")).containsExactly("alpha", "bravo");
        assertThat(names("?sort_key=display_name&sort_dir=desc")).containsExactly("bravo", "alpha");
        assertThat(names("")).containsExactly("bravo", "alpha");
        assertThat(nova.call("GET", NovaTestCloud.SERVERS + "?sort_key=host", null).statusCode()).isEqualTo(400);
        assertThat(nova.call("GET", NovaTestCloud.SERVERS + "?sort_dir=up", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theIpFilterMatchesFromTheStartOfAnAddress() {
        String a = nova.activeServer("first");
        nova.activeServer("second");
        String ip = nova.show(a).getJsonObject("addresses").getJsonArray("private").getJsonObject(0)
                .getString("addr");
        assertThat(names("?ip=" + ip)).containsExactly("first");
        assertThat(names("?ip=10.0.0.")).hasSize(2);
    }

    private List<String> names(String query) {
        return nova.ok(nova.call("GET", NovaTestCloud.SERVERS + query, null, "2.26"), 200).getJsonArray("servers")
                .stream().map(s -> ((JsonObject) s).getString("name")).toList();
    }

    @Test
    void serverGroupsBeforeAndFrom264() {
        JsonObject old = nova.ok(nova.call("POST", GROUPS, new JsonObject().put("server_group", new JsonObject()
                .put("name", "g1").put("policies", new JsonArray().add("anti-affinity")))), 200)
                .getJsonObject("server_group");
        assertThat(old.getJsonArray("policies")).containsExactly("anti-affinity");
        assertThat(old.getJsonArray("members")).isEmpty();
        assertThat(old.containsKey("policy")).isFalse();
        JsonObject current = nova.ok(nova.call("POST", GROUPS, new JsonObject().put("server_group", new JsonObject()
                .put("name", "g2").put("policy", "anti-affinity")
                .put("rules", new JsonObject().put("max_server_per_host", 2))), "2.64"), 200)
                .getJsonObject("server_group");
        assertThat(current.getString("policy")).isEqualTo("anti-affinity");
        assertThat(current.getJsonObject("rules").getInteger("max_server_per_host")).isEqualTo(2);
        assertThat(current.containsKey("policies")).isFalse();

        assertThat(nova.call("POST", GROUPS, new JsonObject().put("server_group", new JsonObject().put("name", "g3")
                .put("policies", new JsonArray().add("soft-affinity")))).statusCode()).isEqualTo(400);
        assertThat(nova.call("POST", GROUPS, new JsonObject().put("server_group", new JsonObject().put("name", "g3")
                .put("policy", "affinity").put("rules", new JsonObject().put("max_server_per_host", 2))), "2.64")
                .statusCode()).isEqualTo(400);
        JsonArray listed = nova.ok(nova.call("GET", GROUPS, null), 200).getJsonArray("server_groups");
        assertThat(listed).hasSize(2);
        assertThat(nova.call("DELETE", GROUPS + "/" + old.getString("id"), null).statusCode()).isEqualTo(204);
        assertThat(nova.call("GET", GROUPS + "/" + old.getString("id"), null).statusCode()).isEqualTo(404);
    }

    @Test
    void theSchedulerHintPutsTheServerInTheGroup() {
        String group = nova.ok(nova.call("POST", GROUPS, new JsonObject().put("server_group", new JsonObject()
                .put("name", "g").put("policies", new JsonArray().add("affinity")))), 200)
                .getJsonObject("server_group").getString("id");
        JsonObject body = nova.serverBody("member").put("os:scheduler_hints", new JsonObject().put("group", group));
        String id = nova.ok(nova.call("POST", NovaTestCloud.SERVERS, body), 202).getJsonObject("server")
                .getString("id");
        JsonObject shown = nova.ok(nova.call("GET", GROUPS + "/" + group, null), 200).getJsonObject("server_group");
        assertThat(shown.getJsonArray("members")).containsExactly(id);
        JsonObject unknown = nova.serverBody("lost").put("os:scheduler_hints", new JsonObject()
                .put("group", "6b5e0f6f-1b6c-4d3e-9b5a-0c1a2b3c4d5e"));
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, unknown).statusCode()).isEqualTo(400);
    }

    @Test
    void limitsAndQuotaSetsShowTheProjectsUse() {
        nova.activeServer("user");
        String project = nova.sandbox.server.cloud("nova").orElseThrow().profile().project().id();
        JsonObject absolute = nova.ok(nova.call("GET", NovaTestCloud.V21 + "/limits", null), 200)
                .getJsonObject("limits").getJsonObject("absolute");
        assertThat(absolute.getInteger("totalInstancesUsed")).isEqualTo(1);
        assertThat(absolute.getInteger("totalCoresUsed")).isEqualTo(1);
        assertThat(absolute.getInteger("totalRAMUsed")).isEqualTo(512);
        assertThat(absolute.getInteger("maxTotalInstances")).isEqualTo(50);
        JsonObject detail = nova.ok(nova.call("GET", NovaTestCloud.V21 + "/os-quota-sets/" + project + "/detail",
                null), 200).getJsonObject("quota_set");
        assertThat(detail.getJsonObject("instances").getInteger("in_use")).isEqualTo(1);
        assertThat(nova.call("PUT", NovaTestCloud.V21 + "/os-quota-sets/" + project, new JsonObject()
                .put("quota_set", new JsonObject().put("instances", 1))).statusCode()).isEqualTo(403);
        assertThat(nova.call("GET", NovaTestCloud.V21 + "/os-quota-sets/other", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aCreateBeyondTheCoresQuotaIsNovas403() {
        JsonObject body = nova.serverBody("big");
        body.getJsonObject("server").put("flavorRef", "3").put("min_count", 51).put("max_count", 60);
        var r = nova.call("POST", NovaTestCloud.SERVERS, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("Quota exceeded for instances");
        body.getJsonObject("server").put("min_count", 2).put("max_count", 60);
        var created = nova.call("POST", NovaTestCloud.SERVERS, body.put("server", body.getJsonObject("server")
                .put("return_reservation_id", true)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(nova.sandbox.server.cloud("nova").orElseThrow().servers()).hasSize(50);
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, nova.serverBody("one-more")).statusCode())
                .isEqualTo(403);
    }
}
