package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.LatencyProfile;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.profile.UserSpec;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.SimulatedCloud;
import org.stackratings.sandbox.state.SimulatedServer;

/** Nova servers with a lifecycle that follows a settable clock. */
class ServerLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SERVERS = "/nova/compute/v2.1/servers";
    private static final LifecycleProfile LIFECYCLE = LifecycleProfile.DEFAULT
            .withBoot(LatencyProfile.constant(5000), 0).withDelete(LatencyProfile.constant(3000), 0);

    private MutableClock clock;
    private SandboxFixture sandbox;
    private String token;
    private CloudInventory inventory;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        sandbox = SandboxFixture.start(List.of(CloudProfile.basic("nova", "pw").withLifecycle(LIFECYCLE)), clock);
        token = sandbox.token("nova", "pw");
        inventory = new CloudInventory("nova");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SimulatedCloud cloud() {
        return sandbox.server.cloud("nova").orElseThrow();
    }

    private String cirros() {
        return inventory.images().get(0).id();
    }

    private String privateNet() {
        return inventory.networks().stream().filter(n -> n.name().equals("private")).findFirst().orElseThrow().id();
    }

    private JsonObject serverBody(String name) {
        return new JsonObject().put("server", new JsonObject().put("name", name).put("flavorRef", "1")
                .put("imageRef", cirros())
                .put("networks", new JsonArray().add(new JsonObject().put("uuid", privateNet())))
                .put("metadata", new JsonObject().put("stackratings.run", "run-1").put("purpose", "probe")));
    }

    private HttpResponse<String> create(JsonObject body) {
        return sandbox.call("POST", SERVERS, token, body.encode());
    }

    private String createServer(String name) {
        HttpResponse<String> r = create(serverBody(name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return SandboxFixture.json(r).getJsonObject("server").getString("id");
    }

    private JsonObject show(String id) {
        HttpResponse<String> r = sandbox.get(SERVERS + "/" + id, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return SandboxFixture.json(r).getJsonObject("server");
    }

    @Test
    void createAnswers202WithTheNovaShape() {
        HttpResponse<String> r = create(serverBody("stackratings-probe-1"));
        assertThat(r.statusCode()).isEqualTo(202);
        JsonObject server = SandboxFixture.json(r).getJsonObject("server");
        String id = server.getString("id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(server.getString("adminPass")).hasSize(12);
        assertThat(server.getString("OS-DCF:diskConfig")).isEqualTo("MANUAL");
        assertThat(server.getJsonArray("security_groups").getJsonObject(0).getString("name")).isEqualTo("default");
        assertThat(server.getJsonArray("links").getJsonObject(0).getString("rel")).isEqualTo("self");
        assertThat(r.headers().firstValue("Location")).hasValue(sandbox.server.baseUrl() + SERVERS + "/" + id);
    }

    @Test
    void buildsThenBecomesActiveAfterTheBootTime() {
        String id = createServer("stackratings-probe-1");
        JsonObject building = show(id);
        assertThat(building.getString("status")).isEqualTo("BUILD");
        assertThat(building.getString("OS-EXT-STS:task_state")).isEqualTo("spawning");
        assertThat(building.getString("OS-EXT-STS:vm_state")).isEqualTo("building");
        assertThat(building.getJsonObject("addresses")).isEmpty();
        assertThat(building.getString("created")).isEqualTo("2026-11-25T10:00:00Z");

        clock.advance(Duration.ofMillis(4999));
        assertThat(show(id).getString("status")).isEqualTo("BUILD");
        clock.advance(Duration.ofMillis(1));
        JsonObject active = show(id);
        assertThat(active.getString("status")).isEqualTo("ACTIVE");
        assertThat(active.getValue("OS-EXT-STS:task_state")).isNull();
        assertThat(active.getString("OS-EXT-STS:vm_state")).isEqualTo("active");
        assertThat(active.getString("updated")).isEqualTo("2026-11-25T10:00:05Z");
        assertThat(active.containsKey("fault")).isFalse();
        assertThat(active.getString("name")).isEqualTo("stackratings-probe-1");
        assertThat(active.getJsonObject("metadata").getMap())
                .isEqualTo(Map.of("stackratings.run", "run-1", "purpose", "probe"));
        assertThat(active.getJsonObject("flavor").getString("id")).isEqualTo("1");
        assertThat(active.getJsonObject("image").getString("id")).isEqualTo(cirros());
        assertThat(active.getJsonObject("addresses").getJsonArray("private").getJsonObject(0).getString("addr"))
                .startsWith("10.0.0.");
        assertThat(active.getString("tenant_id")).isEqualTo(cloud().profile().project().id());
        assertThat(active.getString("user_id")).isEqualTo(cloud().profile().users().get(0).id());
        assertThat(active.getJsonArray("links")).hasSize(2);
        assertThat(active.containsKey("key_name")).isTrue();
        assertThat(cloud().servers()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(s.metadata()).containsEntry("stackratings.run", "run-1");
            assertThat(s.created()).isEqualTo(T0);
        });
    }

    @Test
    void aFailedBootEndsInErrorWithAFault() {
        sandbox.server.putCloud(cloud().profile().withLifecycle(LIFECYCLE.withBoot(LatencyProfile.constant(1000), 1.0)));
        String id = createServer("doomed");
        assertThat(show(id).getString("status")).isEqualTo("BUILD");
        clock.advance(Duration.ofSeconds(1));
        JsonObject failed = show(id);
        assertThat(failed.getString("status")).isEqualTo("ERROR");
        assertThat(failed.getString("OS-EXT-STS:vm_state")).isEqualTo("error");
        assertThat(failed.getJsonObject("fault").getInteger("code")).isEqualTo(500);
        assertThat(failed.getJsonObject("fault").getString("message")).contains("No valid host was found");
        assertThat(failed.getJsonObject("fault").getString("created")).isEqualTo("2026-11-25T10:00:01Z");
    }

    @Test
    void deleteMakesTheServerGoneAfterTheDeleteTime() {
        String id = createServer("short-lived");
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> r = sandbox.call("DELETE", SERVERS + "/" + id, token, null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        JsonObject deleting = show(id);
        assertThat(deleting.getString("status")).isEqualTo("ACTIVE");
        assertThat(deleting.getString("OS-EXT-STS:task_state")).isEqualTo("deleting");
        clock.advance(Duration.ofMillis(2999));
        assertThat(sandbox.get(SERVERS + "/" + id, token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMillis(1));
        HttpResponse<String> gone = sandbox.get(SERVERS + "/" + id, token);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(gone).getJsonObject("itemNotFound").getString("message"))
                .isEqualTo("Instance " + id + " could not be found.");
        assertThat(cloud().servers()).isEmpty();
        assertThat(sandbox.call("DELETE", SERVERS + "/" + id, token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingDeleteLeavesTheServerInErrorForever() {
        sandbox.server.putCloud(cloud().profile().withLifecycle(LIFECYCLE.withDelete(LatencyProfile.constant(500), 1.0)));
        String id = createServer("leaky");
        clock.advance(Duration.ofSeconds(6));
        assertThat(sandbox.call("DELETE", SERVERS + "/" + id, token, null).statusCode()).isEqualTo(204);
        assertThat(show(id).getString("OS-EXT-STS:task_state")).isEqualTo("deleting");
        clock.advance(Duration.ofHours(1));
        token = sandbox.token("nova", "pw");
        JsonObject leaked = show(id);
        assertThat(leaked.getString("status")).isEqualTo("ERROR");
        assertThat(leaked.getValue("OS-EXT-STS:task_state")).isNull();
        assertThat(leaked.getJsonObject("fault").getString("message")).startsWith("Failed to delete");
        // trying again fails again, and the server still counts against the quota
        assertThat(sandbox.call("DELETE", SERVERS + "/" + id, token, null).statusCode()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(1));
        assertThat(show(id).getString("status")).isEqualTo("ERROR");
        assertThat(cloud().servers()).hasSize(1);
    }

    @Test
    void unknownServersAre404() {
        String random = "6f1c6b8e-0d4e-4c7a-9d53-2a6c2b9f0e11";
        HttpResponse<String> r = sandbox.get(SERVERS + "/" + random, token);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(r).getJsonObject("itemNotFound").getInteger("code")).isEqualTo(404);
        assertThat(SandboxFixture.json(r).getJsonObject("itemNotFound").getString("message"))
                .isEqualTo("Instance " + random + " could not be found.");
        assertThat(sandbox.call("DELETE", SERVERS + "/" + random, token, null).statusCode()).isEqualTo(404);
        assertThat(sandbox.call("DELETE", SERVERS + "/" + "x".repeat(300), token, null).statusCode()).isEqualTo(404);
        assertThat(sandbox.get(SERVERS + "/" + random + "/metadata", token).statusCode()).isEqualTo(404);
        assertThat(sandbox.call("POST", SERVERS + "/" + random + "/action", token, "{\"os-stop\":null}")
                .statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty name            | name      | ''",
        "name of 256           | name      | LONG_NAME",
        "name not a text       | name      | NUMBER",
        "unknown flavorRef     | flavorRef | '99'",
        "unknown imageRef      | imageRef  | 00000000-0000-0000-0000-000000000000",
        "unknown network       | networks  | UNKNOWN_NET",
        "bad network uuid      | networks  | BAD_NET",
        "metadata value of 256 | metadata  | LONG_META",
        "accessIPv6 not valid  | accessIPv6 | notvalid",
        "accessIPv4 not valid  | accessIPv4 | 1.2.3.999",
        "networks auto at 2.1  | networks  | auto",
        "min_count over max    | min_count | 3",
    })
    void invalidCreatesAre400(String problem, String field, String value) {
        JsonObject body = serverBody("valid");
        JsonObject server = body.getJsonObject("server");
        switch (value) {
            case "LONG_NAME" -> server.put(field, "n".repeat(256));
            case "NUMBER" -> server.put(field, 42);
            case "UNKNOWN_NET" -> server.put(field, new JsonArray().add(new JsonObject()
                    .put("uuid", "9b6a0f2e-3c1d-4e5f-8a7b-6c5d4e3f2a1b")));
            case "BAD_NET" -> server.put(field, new JsonArray().add(new JsonObject().put("uuid", "not-a-uuid")));
            case "LONG_META" -> server.put(field, new JsonObject().put("k", "v".repeat(256)));
            case "3" -> server.put(field, 3).put("max_count", 2);
            default -> server.put(field, value);
        }
        HttpResponse<String> r = create(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(SandboxFixture.json(r).getJsonObject("badRequest").getInteger("code")).isEqualTo(400);
        assertThat(cloud().servers()).isEmpty();
    }

    @Test
    void otherMalformedCreatesAre400() {
        assertThat(sandbox.call("POST", SERVERS, token, "not json").statusCode()).isEqualTo(400);
        assertThat(sandbox.call("POST", SERVERS, token, "{}").statusCode()).isEqualTo(400);
        JsonObject withoutNetworks = serverBody("x");
        withoutNetworks.getJsonObject("server").remove("networks");
        HttpResponse<String> r = sandbox.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.server.baseUrl() + SERVERS))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .header("OpenStack-API-Version", "compute 2.37")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(withoutNetworks.encode())).build());
        assertThat(r.statusCode()).isEqualTo(400);
        // before 2.37 networks may be left out: the server gets the private network
        assertThat(create(withoutNetworks).statusCode()).isEqualTo(202);
    }

    @Test
    void flavorAndImageMayBeLinks() {
        JsonObject body = serverBody("by-link");
        body.getJsonObject("server").put("flavorRef", sandbox.server.baseUrl() + "/nova/compute/v2.1/flavors/2")
                .put("imageRef", sandbox.server.baseUrl() + "/nova/image/v2/images/" + cirros());
        assertThat(create(body).statusCode()).isEqualTo(202);
        assertThat(cloud().servers().get(0).flavorId()).isEqualTo("2");
    }

    @Test
    void quotaLimitsTheNumberOfServers() {
        sandbox.server.putCloud(cloud().profile().withLifecycle(LIFECYCLE.withMaxServers(2)));
        String first = createServer("a");
        createServer("b");
        HttpResponse<String> r = create(serverBody("c"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(SandboxFixture.json(r).getJsonObject("forbidden").getString("message"))
                .contains("Quota exceeded for instances");
        sandbox.call("DELETE", SERVERS + "/" + first, token, null);
        assertThat(create(serverBody("c")).statusCode()).as("deleting still counts").isEqualTo(403);
        clock.advance(Duration.ofSeconds(3));
        assertThat(create(serverBody("c")).statusCode()).isEqualTo(202);
        JsonObject limits = SandboxFixture.json(sandbox.get("/nova/compute/v2.1/limits", token))
                .getJsonObject("limits").getJsonObject("absolute");
        assertThat(limits.getInteger("maxTotalInstances")).isEqualTo(2);
        assertThat(limits.getInteger("totalInstancesUsed")).isEqualTo(2);
        assertThat(limits.getInteger("totalRAMUsed")).isEqualTo(1024);
    }

    @Test
    void minCountCreatesSeveralServers() {
        JsonObject body = serverBody("batch");
        body.getJsonObject("server").put("min_count", 2).put("max_count", 2);
        assertThat(create(body).statusCode()).isEqualTo(202);
        assertThat(cloud().servers()).extracting(SimulatedServer::name).containsExactlyInAnyOrder("batch-1", "batch-2");
    }

    @Test
    void listsFilterAndPage() {
        String a = createServer("stackratings-probe-a");
        clock.advance(Duration.ofSeconds(1));
        String b = createServer("stackratings-probe-b");
        clock.advance(Duration.ofSeconds(1));
        String other = createServer("other");
        clock.advance(Duration.ofMillis(4500));
        // a and b are ACTIVE now, other still BUILD

        JsonArray all = SandboxFixture.json(sandbox.get(SERVERS, token)).getJsonArray("servers");
        assertThat(all.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly(other, b, a);
        assertThat(all.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "name", "links");
        JsonArray detail = SandboxFixture.json(sandbox.get(SERVERS + "/detail", token)).getJsonArray("servers");
        assertThat(detail.getJsonObject(0).getString("status")).isEqualTo("BUILD");

        assertThat(ids(SERVERS + "?name=probe")).containsExactly(b, a);
        assertThat(ids(SERVERS + "?name=%5Eoth")).containsExactly(other);
        assertThat(ids(SERVERS + "/detail?status=ACTIVE")).containsExactly(b, a);
        assertThat(ids(SERVERS + "/detail?status=BUILD")).containsExactly(other);
        assertThat(ids(SERVERS + "?status=BOGUS")).isEmpty();
        assertThat(ids(SERVERS + "?name=nothing-like-this")).isEmpty();
        assertThat(ids(SERVERS + "?flavor=3")).isEmpty();
        assertThat(ids(SERVERS + "?changes-since=2026-11-25T10:00:06Z")).containsExactly(b);
        assertThat(ids(SERVERS + "?changes-since=2030-01-01T00:00:00Z")).isEmpty();

        JsonObject page = SandboxFixture.json(sandbox.get(SERVERS + "?limit=2", token));
        assertThat(page.getJsonArray("servers")).hasSize(2);
        assertThat(page.getJsonArray("servers_links").getJsonObject(0).getString("href"))
                .endsWith("?limit=2&marker=" + b);
        assertThat(ids(SERVERS + "?limit=2&marker=" + b)).containsExactly(a);
        assertThat(ids(SERVERS + "?limit=0")).isEmpty();

        for (String bad : List.of("limit=-1", "limit=abc", "limit=1.5", "changes-since=yesterday",
                "marker=00000000-0000-0000-0000-000000000000")) {
            HttpResponse<String> r = sandbox.get(SERVERS + "?" + bad, token);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(SandboxFixture.json(r).getJsonObject("badRequest")).as(bad).isNotNull();
        }
        HttpResponse<String> invalidStatus = sandbox.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.server.baseUrl() + SERVERS + "?status=BOGUS"))
                .header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.38").GET().build());
        assertThat(invalidStatus.statusCode()).isEqualTo(400);
    }

    private List<String> ids(String path) {
        HttpResponse<String> r = sandbox.get(path, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return SandboxFixture.json(r).getJsonArray("servers").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList();
    }

    @Test
    void aServerBelongsToTheUserWhoseTokenCreatedIt() {
        CloudProfile base = CloudProfile.basic("nova", "pw").withLifecycle(LIFECYCLE);
        sandbox.server.putCloud(base.withUsers(List.of(base.users().get(0), new UserSpec(null, "second", "pw2"))));
        HttpResponse<String> issued = sandbox.post("/nova/identity/v3/auth/tokens",
                SandboxFixture.byName("second", "pw2"));
        String second = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        String secondId = SandboxFixture.json(issued).getJsonObject("token").getJsonObject("user").getString("id");
        HttpResponse<String> created = sandbox.call("POST", SERVERS, second, serverBody("theirs").encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String theirs = SandboxFixture.json(created).getJsonObject("server").getString("id");
        String mine = createServer("mine");

        assertThat(show(theirs).getString("user_id")).isEqualTo(secondId);
        assertThat(show(mine).getString("user_id")).isEqualTo(base.users().get(0).id()).isNotEqualTo(secondId);
    }

    @Test
    void serversSurviveANewProfile() {
        String id = createServer("survivor");
        sandbox.server.putCloud(CloudProfile.basic("nova", "pw").withErrors(0, 503));
        assertThat(cloud().servers()).extracting(SimulatedServer::id).containsExactly(id);
        assertThat(show(id).getString("name")).isEqualTo("survivor");
    }

    @Test
    void metadataCanBeReadAndChanged() {
        String id = createServer("meta");
        String meta = SERVERS + "/" + id + "/metadata";
        assertThat(SandboxFixture.json(sandbox.get(meta, token)).getJsonObject("metadata").getMap())
                .containsEntry("purpose", "probe");
        HttpResponse<String> put = sandbox.call("PUT", meta, token, "{\"metadata\":{\"a\":\"1\"}}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(put).getJsonObject("metadata").getMap()).isEqualTo(Map.of("a", "1"));
        HttpResponse<String> post = sandbox.call("POST", meta, token, "{\"metadata\":{\"b\":\"2\"}}");
        assertThat(SandboxFixture.json(post).getJsonObject("metadata").getMap()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(sandbox.call("PUT", meta + "/c", token, "{\"meta\":{\"c\":\"3\"}}").statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(sandbox.get(meta + "/c", token)).getJsonObject("meta").getString("c"))
                .isEqualTo("3");
        assertThat(sandbox.call("PUT", meta + "/c", token, "{\"meta\":{\"d\":\"3\"}}").statusCode()).isEqualTo(400);
        assertThat(sandbox.call("DELETE", meta + "/a", token, null).statusCode()).isEqualTo(204);
        assertThat(sandbox.get(meta + "/a", token).statusCode()).isEqualTo(404);
        assertThat(sandbox.call("DELETE", meta + "/a", token, null).statusCode()).isEqualTo(404);
        assertThat(cloud().servers().get(0).metadata()).isEqualTo(Map.of("b", "2", "c", "3"));
    }

    @Test
    void stopAndStart() {
        String id = createServer("power");
        String action = SERVERS + "/" + id + "/action";
        assertThat(sandbox.call("POST", action, token, "{\"os-stop\":null}").statusCode()).as("still building")
                .isEqualTo(409);
        clock.advance(Duration.ofSeconds(5));
        assertThat(sandbox.call("POST", action, token, "{\"os-stop\":null}").statusCode()).isEqualTo(202);
        assertThat(show(id).getString("status")).isEqualTo("SHUTOFF");
        assertThat(sandbox.call("POST", action, token, "{\"os-stop\":null}").statusCode()).isEqualTo(409);
        assertThat(sandbox.call("POST", action, token, "{\"os-start\":null}").statusCode()).isEqualTo(202);
        assertThat(show(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(sandbox.call("POST", action, token, "{\"reboot\":{\"type\":\"HARD\"}}").statusCode())
                .isEqualTo(202);
        assertThat(sandbox.call("POST", action, token, "{\"reboot\":{\"type\":\"HARDER\"}}").statusCode())
                .isEqualTo(400);
        assertThat(sandbox.call("POST", action, token, "{\"fly\":{}}").statusCode()).isEqualTo(400);
    }

    @Test
    void updateRenames() {
        String id = createServer("old");
        HttpResponse<String> r = sandbox.call("PUT", SERVERS + "/" + id, token, "{\"server\":{\"name\":\"new\"}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxFixture.json(r).getJsonObject("server").getString("name")).isEqualTo("new");
        assertThat(sandbox.call("PUT", SERVERS + "/" + id, token, "{\"server\":{\"name\":\"\"}}").statusCode())
                .isEqualTo(400);
        assertThat(sandbox.call("PUT", SERVERS + "/00000000-0000-0000-0000-000000000000", token,
                "{\"server\":{\"name\":\"x\"}}").statusCode()).isEqualTo(404);
    }

    @Test
    void bootsInRealTimeWithTheSystemClock() throws Exception {
        CloudProfile fast = CloudProfile.basic("fast", "pw").withLifecycle(LifecycleProfile.DEFAULT
                .withBoot(LatencyProfile.constant(150), 0).withDelete(LatencyProfile.constant(100), 0));
        try (SandboxFixture real = SandboxFixture.start(List.of(fast))) {
            String t = real.token("fast", "pw");
            JsonObject body = serverBody("rt");
            HttpResponse<String> r = real.call("POST", "/fast/compute/v2.1/servers", t, body.encode());
            assertThat(r.statusCode()).as("the networks of another cloud are unknown").isEqualTo(400);
            body.getJsonObject("server").remove("networks");
            body.getJsonObject("server").put("imageRef", new CloudInventory("fast").images().get(0).id());
            String id = SandboxFixture.json(real.call("POST", "/fast/compute/v2.1/servers", t, body.encode()))
                    .getJsonObject("server").getString("id");
            String url = "/fast/compute/v2.1/servers/" + id;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(status(real, url, t)).isEqualTo("ACTIVE"));
            assertThat(real.call("DELETE", url, t, null).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(real.get(url, t).statusCode()).isEqualTo(404));
        }
    }

    private static String status(SandboxFixture fixture, String url, String token) {
        return SandboxFixture.json(fixture.get(url, token)).getJsonObject("server").getString("status");
    }
}
