package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.stackratings.sandbox.SandboxFixture;

/**
 * What Tempest's schemas hold Nova to: the update and rebuild views per microversion, IPv6 and password on create,
 * security group actions, forceDelete and restore, the legacy extension, tenant network and v2.0 documents.
 */
class NovaViewsTest {

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    private JsonObject update(String id, String microversion) {
        JsonObject body = new JsonObject().put("server", new JsonObject().put("name", "renamed"));
        return nova.ok(nova.call("PUT", NovaTestCloud.SERVERS + "/" + id, body, microversion), 200)
                .getJsonObject("server");
    }

    @Test
    void updateAndRebuildLeaveOutTheExtendedAttributesBefore275() {
        String id = nova.activeServer("views");
        JsonObject before = update(id, "2.74");
        assertThat(before.getString("name")).isEqualTo("renamed");
        assertThat(before.fieldNames()).doesNotContain("OS-EXT-STS:vm_state", "OS-EXT-AZ:availability_zone",
                "security_groups", "key_name").contains("locked", "description", "tags", "server_groups");
        assertThat(update(id, "2.75").fieldNames()).contains("OS-EXT-STS:vm_state", "security_groups");

        JsonObject rebuild = new JsonObject().put("imageRef", nova.inventory.images().get(0).id());
        JsonObject rebuilt = nova.ok(nova.action(id, "rebuild", rebuild, "2.57"), 202).getJsonObject("server");
        assertThat(rebuilt.fieldNames()).contains("key_name", "user_data", "adminPass")
                .doesNotContain("OS-EXT-STS:task_state");
        assertThat(nova.show(id, "2.71").getJsonArray("server_groups")).isEmpty();
    }

    @Test
    void aCreateKeepsTheAdminPasswordAndStoresIpv6Compressed() {
        JsonObject body = nova.serverBody("ipv6");
        body.getJsonObject("server").put("adminPass", "testpassword")
                .put("accessIPv6", "0000:0000:0000:0000:0000:babe:220.12.22.2");
        JsonObject created = nova.ok(nova.call("POST", NovaTestCloud.SERVERS, body), 202).getJsonObject("server");
        assertThat(created.getString("adminPass")).isEqualTo("testpassword");
        assertThat(nova.show(created.getString("id")).getString("accessIPv6")).isEqualTo("::babe:dc0c:1602");
    }

    @Test
    void securityGroupsAreAddedAndRemovedOnTheServerAndItsPorts() {
        String id = nova.activeServer("groups");
        HttpResponse<String> removed = nova.action(id, "removeSecurityGroup", new JsonObject().put("name", "default"));
        assertThat(removed.statusCode()).isEqualTo(202);
        assertThat(nova.show(id).containsKey("security_groups")).isFalse();
        JsonArray ports = SandboxFixture.json(nova.call("GET", "/nova/network/v2.0/ports?device_id=" + id, null))
                .getJsonArray("ports");
        assertThat(ports.getJsonObject(0).getJsonArray("security_groups")).isEmpty();
        assertThat(nova.action(id, "removeSecurityGroup", new JsonObject().put("name", "default")).statusCode())
                .isEqualTo(400);
        assertThat(nova.action(id, "addSecurityGroup", new JsonObject().put("name", "nope")).statusCode())
                .isEqualTo(404);
        assertThat(nova.action(id, "addSecurityGroup", new JsonObject().put("name", "default")).statusCode())
                .isEqualTo(202);
        assertThat(nova.show(id).getJsonArray("security_groups").getJsonObject(0).getString("name"))
                .isEqualTo("default");
    }

    @Test
    void restoreIsAConflictAndForceDeleteDeletes() {
        String id = nova.activeServer("forced");
        assertThat(nova.action(id, "restore", new JsonObject()).statusCode()).isEqualTo(409);
        assertThat(nova.action("nope", "restore", new JsonObject()).statusCode()).isEqualTo(404);
        assertThat(nova.action(id, "forceDelete", new JsonObject()).statusCode()).isEqualTo(202);
        assertThat(nova.show(id).getString("OS-EXT-STS:task_state")).isEqualTo("deleting");
    }

    @Test
    void theLegacyDocumentsAnswer() {
        JsonArray extensions = nova.ok(nova.call("GET", NovaTestCloud.V21 + "/extensions", null), 200)
                .getJsonArray("extensions");
        assertThat(extensions.stream().map(e -> ((JsonObject) e).getString("name"))).contains("Hosts");
        assertThat(nova.call("GET", NovaTestCloud.V21 + "/extensions/os-consoles", null).statusCode()).isEqualTo(200);
        assertThat(nova.call("GET", NovaTestCloud.V21 + "/extensions/nope", null).statusCode()).isEqualTo(404);

        String net = nova.inventory.networks().get(0).id();
        JsonArray networks = nova.ok(nova.call("GET", NovaTestCloud.V21 + "/os-tenant-networks", null), 200)
                .getJsonArray("networks");
        assertThat(networks.stream().map(n -> ((JsonObject) n).getString("id"))).contains(net);
        assertThat(nova.call("GET", NovaTestCloud.V21 + "/os-tenant-networks/" + net, null).statusCode())
                .isEqualTo(200);
        assertThat(nova.call("GET", NovaTestCloud.V21 + "/os-tenant-networks", null, "2.36").statusCode())
                .isEqualTo(404);

        JsonObject legacy = nova.ok(nova.call("GET", "/nova/compute/v2/", null), 200).getJsonObject("version");
        assertThat(legacy.getString("id")).isEqualTo("v2.0");
        assertThat(legacy.getJsonArray("links").getJsonObject(0).getString("href")).endsWith("/nova/compute/v2/");
    }
}
