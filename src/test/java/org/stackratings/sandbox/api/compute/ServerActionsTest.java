package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackratings.sandbox.SandboxFixture;

/** Nova's server actions through the HTTP API: lock, power, reboot, rebuild, resize, console output, history. */
class ServerActionsTest {

    @RegisterExtension
    final NovaTestCloud nova = new NovaTestCloud();

    @Test
    void aLockedServerRefusesActionsAndDeleteUntilUnlocked() {
        String id = nova.activeServer("locked");
        assertThat(nova.action(id, "lock", null).statusCode()).isEqualTo(202);
        assertThat(nova.show(id, "2.9").getBoolean("locked")).isTrue();
        HttpResponse409 stop = new HttpResponse409(nova.action(id, "os-stop", null));
        assertThat(stop.message()).isEqualTo("Instance " + id + " is locked");
        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + id, null).statusCode()).isEqualTo(409);
        assertThat(nova.action(id, "reboot", new JsonObject().put("type", "HARD")).statusCode()).isEqualTo(409);

        assertThat(nova.action(id, "unlock", null).statusCode()).isEqualTo(202);
        assertThat(nova.show(id, "2.9").getBoolean("locked")).isFalse();
        assertThat(nova.action(id, "os-stop", null).statusCode()).isEqualTo(202);
        assertThat(nova.show(id).getString("status")).isEqualTo("SHUTOFF");
    }

    @Test
    void theLockReasonIsShownFrom273AndRefusedBefore() {
        String id = nova.activeServer("reason");
        JsonObject reason = new JsonObject().put("locked_reason", "maintenance");
        assertThat(nova.action(id, "lock", reason, "2.73").statusCode()).isEqualTo(202);
        JsonObject shown = nova.show(id, "2.73");
        assertThat(shown.getString("locked_reason")).isEqualTo("maintenance");
        assertThat(nova.show(id, "2.72").containsKey("locked_reason")).isFalse();
        assertThat(nova.action(id, "lock", new JsonObject().put("why", "x"), "2.73").statusCode()).isEqualTo(400);
    }

    @Test
    void stopAndStartFollowNovasStates() {
        String id = nova.activeServer("power");
        assertThat(nova.action(id, "os-start", null).statusCode()).isEqualTo(409);
        assertThat(nova.action(id, "os-stop", null).statusCode()).isEqualTo(202);
        JsonObject stopped = nova.show(id);
        assertThat(stopped.getString("status")).isEqualTo("SHUTOFF");
        assertThat(stopped.getInteger("OS-EXT-STS:power_state")).isEqualTo(4);
        assertThat(stopped.containsKey("progress")).as("Nova shows progress only while a server may make some")
                .isFalse();
        assertThat(nova.action(id, "os-stop", null).statusCode()).isEqualTo(409);
        assertThat(nova.action(id, "reboot", new JsonObject().put("type", "SOFT")).statusCode()).isEqualTo(409);
        assertThat(nova.action(id, "os-start", null).statusCode()).isEqualTo(202);
        assertThat(nova.show(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(nova.show(id).getInteger("progress")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SOFT", "HARD"})
    void aRebootPassesThroughItsStatusOnTheClock(String type) {
        String id = nova.activeServer("reboot");
        assertThat(nova.action(id, "reboot", new JsonObject().put("type", type)).statusCode()).isEqualTo(202);
        assertThat(nova.show(id).getString("status")).isEqualTo("SOFT".equals(type) ? "REBOOT" : "HARD_REBOOT");
        assertThat(nova.action(id, "os-stop", null).statusCode()).isEqualTo(409);
        nova.clock.advance(Duration.ofSeconds(1));
        assertThat(nova.show(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(nova.action(id, "reboot", new JsonObject().put("type", "gentle")).statusCode()).isEqualTo(400);
    }

    @Test
    void rebuildChangesImageNameMetadataAndPasswordThenIsActiveAgain() {
        String id = nova.activeServer("before");
        String other = nova.inventory.images().get(1).id();
        JsonObject body = new JsonObject().put("imageRef", other).put("name", "after")
                .put("metadata", new JsonObject().put("rebuilt", "yes")).put("adminPass", "s3cret")
                .put("OS-DCF:diskConfig", "AUTO");
        JsonObject rebuilt = nova.ok(nova.action(id, "rebuild", body), 202).getJsonObject("server");
        assertThat(rebuilt.getString("status")).isEqualTo("REBUILD");
        assertThat(rebuilt.getString("adminPass")).isEqualTo("s3cret");
        assertThat(rebuilt.getJsonObject("image").getString("id")).isEqualTo(other);
        nova.clock.advance(Duration.ofSeconds(2));
        JsonObject shown = nova.show(id);
        assertThat(shown.getString("status")).isEqualTo("ACTIVE");
        assertThat(shown.getString("name")).isEqualTo("after");
        assertThat(shown.getJsonObject("metadata").getMap()).containsExactly(java.util.Map.entry("rebuilt", "yes"));
        assertThat(shown.getString("OS-DCF:diskConfig")).isEqualTo("AUTO");

        assertThat(nova.action(id, "rebuild", new JsonObject().put("imageRef", "nope")).statusCode()).isEqualTo(400);
        assertThat(nova.action(id, "rebuild", new JsonObject().put("imageRef", other)
                .put("OS-DCF:diskConfig", "SOMETIMES")).statusCode()).isEqualTo(400);
    }

    @Test
    void aStoppedServerIsRebuiltIntoShutoff() {
        String id = nova.activeServer("stopped");
        nova.action(id, "os-stop", null);
        String image = nova.inventory.images().get(0).id();
        assertThat(nova.action(id, "rebuild", new JsonObject().put("imageRef", image)).statusCode()).isEqualTo(202);
        nova.clock.advance(Duration.ofSeconds(2));
        assertThat(nova.show(id).getString("status")).isEqualTo("SHUTOFF");
    }

    @Test
    void resizeWaitsForConfirmationThenKeepsTheNewFlavor() {
        String id = nova.activeServer("resize");
        assertThat(nova.action(id, "resize", new JsonObject().put("flavorRef", "1")).statusCode()).isEqualTo(400);
        assertThat(nova.action(id, "resize", new JsonObject().put("flavorRef", "999")).statusCode()).isEqualTo(400);
        assertThat(nova.action(id, "confirmResize", null).statusCode()).isEqualTo(409);
        assertThat(nova.action(id, "resize", new JsonObject().put("flavorRef", "2")).statusCode()).isEqualTo(202);
        assertThat(nova.show(id).getString("status")).isEqualTo("RESIZE");
        nova.clock.advance(Duration.ofSeconds(2));
        JsonObject verify = nova.show(id);
        assertThat(verify.getString("status")).isEqualTo("VERIFY_RESIZE");
        assertThat(verify.getString("OS-EXT-STS:vm_state")).isEqualTo("resized");
        assertThat(verify.getJsonObject("flavor").getString("id")).isEqualTo("2");
        assertThat(nova.action(id, "confirmResize", null).statusCode()).isEqualTo(204);
        JsonObject confirmed = nova.show(id);
        assertThat(confirmed.getString("status")).isEqualTo("ACTIVE");
        assertThat(confirmed.getJsonObject("flavor").getString("id")).isEqualTo("2");
    }

    @Test
    void revertResizeRestoresTheOldFlavorAndState() {
        String id = nova.activeServer("revert");
        nova.action(id, "os-stop", null);
        nova.action(id, "resize", new JsonObject().put("flavorRef", "2"));
        nova.clock.advance(Duration.ofSeconds(2));
        assertThat(nova.action(id, "revertResize", null).statusCode()).isEqualTo(202);
        assertThat(nova.show(id).getString("status")).isEqualTo("REVERT_RESIZE");
        nova.clock.advance(Duration.ofSeconds(2));
        JsonObject reverted = nova.show(id);
        assertThat(reverted.getString("status")).isEqualTo("SHUTOFF");
        assertThat(reverted.getJsonObject("flavor").getString("id")).isEqualTo("1");
    }

    @Test
    void consoleOutputGivesTheLastLinesAskedFor() {
        String id = nova.activeServer("console");
        String three = nova.ok(nova.action(id, "os-getConsoleOutput", new JsonObject().put("length", 3)), 200)
                .getString("output");
        assertThat(three.split("\n")).hasSize(3);
        String all = nova.ok(nova.action(id, "os-getConsoleOutput", new JsonObject()), 200).getString("output");
        assertThat(all.split("\n").length).isGreaterThan(3).isEqualTo(nova.ok(nova.action(id,
                "os-getConsoleOutput", new JsonObject().put("length", "-1")), 200).getString("output")
                .split("\n").length);
        assertThat(nova.action(id, "os-getConsoleOutput", new JsonObject().put("length", -2)).statusCode())
                .isEqualTo(400);
        assertThat(nova.action(id, "os-getConsoleOutput", new JsonObject().put("length", "x")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theHistoryListsEveryActionWithItsRequestIdAndEventsFrom251() {
        var created = nova.call("POST", NovaTestCloud.SERVERS, nova.serverBody("history"));
        String id = SandboxFixture.json(created).getJsonObject("server").getString("id");
        String createRequest = created.headers().firstValue("x-compute-request-id").orElseThrow();
        nova.clock.advance(Duration.ofSeconds(5));
        nova.action(id, "reboot", new JsonObject().put("type", "HARD"));
        String actions = NovaTestCloud.SERVERS + "/" + id + "/os-instance-actions";
        JsonArray list = nova.ok(nova.call("GET", actions, null), 200).getJsonArray("instanceActions");
        assertThat(list.stream().map(a -> ((JsonObject) a).getString("action"))).containsExactly("reboot", "create");

        JsonObject create = nova.ok(nova.call("GET", actions + "/" + createRequest, null), 200)
                .getJsonObject("instanceAction");
        assertThat(create.getString("action")).isEqualTo("create");
        assertThat(create.getString("instance_uuid")).isEqualTo(id);
        assertThat(create.containsKey("events")).isFalse();
        JsonArray events = nova.ok(nova.call("GET", actions + "/" + createRequest, null, "2.51"), 200)
                .getJsonObject("instanceAction").getJsonArray("events");
        assertThat(events.getJsonObject(0).getString("result")).isEqualTo("Success");
        assertThat(nova.call("GET", actions + "/req-unknown", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedServersHistoryIsReadableFrom221() {
        String id = nova.activeServer("gone");
        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + id, null).statusCode()).isEqualTo(204);
        nova.clock.advance(Duration.ofSeconds(3));
        String actions = NovaTestCloud.SERVERS + "/" + id + "/os-instance-actions";
        assertThat(nova.call("GET", actions, null).statusCode()).isEqualTo(404);
        JsonArray list = nova.ok(nova.call("GET", actions, null, "2.21"), 200).getJsonArray("instanceActions");
        assertThat(list.stream().map(a -> ((JsonObject) a).getString("action")).toList())
                .isEqualTo(List.of("delete", "create"));
    }

    @Test
    void addressesAndPasswordOfAServer() {
        String id = nova.activeServer("ips");
        JsonObject ips = nova.ok(nova.call("GET", NovaTestCloud.SERVERS + "/" + id + "/ips", null), 200)
                .getJsonObject("addresses");
        assertThat(ips.fieldNames()).containsExactly("private");
        JsonObject one = nova.ok(nova.call("GET", NovaTestCloud.SERVERS + "/" + id + "/ips/private", null), 200);
        assertThat(one.getJsonArray("private").getJsonObject(0).getInteger("version")).isEqualTo(4);
        assertThat(nova.call("GET", NovaTestCloud.SERVERS + "/" + id + "/ips/public", null).statusCode())
                .isEqualTo(404);
        String password = NovaTestCloud.SERVERS + "/" + id + "/os-server-password";
        assertThat(nova.ok(nova.call("GET", password, null), 200).getString("password")).isEmpty();
        assertThat(nova.call("DELETE", password, null).statusCode()).isEqualTo(204);
    }

    /** A 409 answer and its message. */
    private record HttpResponse409(java.net.http.HttpResponse<String> r) {
        String message() {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            return SandboxFixture.json(r).getJsonObject("conflictingRequest").getString("message");
        }
    }
}
