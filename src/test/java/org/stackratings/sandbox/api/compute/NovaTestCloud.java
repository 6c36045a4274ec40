package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.LatencyProfile;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * A sandbox with one cloud {@code nova} on a settable clock (boots take 5 s, deletes 3 s) and the Nova calls the
 * compute tests make, at a chosen microversion. A test class holds one in a {@code @RegisterExtension} field: JUnit
 * makes a new one for each test (a fresh cloud) and closes it after the test.
 */
final class NovaTestCloud implements AutoCloseable, AfterEachCallback {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String V21 = "/nova/compute/v2.1";
    static final String SERVERS = V21 + "/servers";

    final MutableClock clock = new MutableClock(T0);
    final SandboxFixture sandbox;
    final String token;
    final CloudInventory inventory = new CloudInventory("nova");

    NovaTestCloud() {
        this(LifecycleProfile.DEFAULT.withBoot(LatencyProfile.constant(5000), 0)
                .withDelete(LatencyProfile.constant(3000), 0));
    }

    NovaTestCloud(LifecycleProfile lifecycle) {
        sandbox = SandboxFixture.start(List.of(CloudProfile.basic("nova", "pw").withLifecycle(lifecycle)), clock);
        token = sandbox.token("nova", "pw");
    }

    /** A call at {@code microversion} (null: none asked, 2.1). */
    HttpResponse<String> call(String method, String path, JsonObject body, String microversion) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("X-Auth-Token", token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (microversion != null) {
            b.header("OpenStack-API-Version", "compute " + microversion);
        }
        return sandbox.send(b.build());
    }

    HttpResponse<String> call(String method, String path, JsonObject body) {
        return call(method, path, body, null);
    }

    JsonObject ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? new JsonObject() : SandboxFixture.json(r);
    }

    JsonObject serverBody(String name) {
        String net = inventory.networks().stream().filter(n -> n.name().equals("private")).findFirst().orElseThrow()
                .id();
        return new JsonObject().put("server", new JsonObject().put("name", name).put("flavorRef", "1")
                .put("imageRef", inventory.images().get(0).id())
                .put("networks", new JsonArray().add(new JsonObject().put("uuid", net))));
    }

    /** Creates a server and lets its boot finish: ACTIVE. */
    String activeServer(String name) {
        String id = ok(call("POST", SERVERS, serverBody(name)), 202).getJsonObject("server").getString("id");
        clock.advance(Duration.ofSeconds(5));
        assertThat(show(id).getString("status")).isEqualTo("ACTIVE");
        return id;
    }

    JsonObject show(String id, String microversion) {
        return ok(call("GET", SERVERS + "/" + id, null, microversion), 200).getJsonObject("server");
    }

    JsonObject show(String id) {
        return show(id, null);
    }

    HttpResponse<String> action(String id, String action, Object argument) {
        return action(id, action, argument, null);
    }

    HttpResponse<String> action(String id, String action, Object argument, String microversion) {
        JsonObject body = new JsonObject().put(action, argument);
        return call("POST", SERVERS + "/" + id + "/action", body, microversion);
    }

    /** The Cinder volumes of the cloud's project. */
    String volumes() {
        return "/nova/volume/v3/" + sandbox.server.cloud("nova").orElseThrow().profile().project().id() + "/volumes";
    }

    /** Creates a volume of 1 GiB ({@code more} adds fields, such as an imageRef) and lets it become available. */
    String availableVolume(JsonObject more) {
        String id = ok(call("POST", volumes(), new JsonObject().put("volume",
                new JsonObject().put("size", 1).put("name", "data").mergeIn(more))), 202).getJsonObject("volume")
                .getString("id");
        clock.advance(VolumeStore.STEP);
        assertThat(volume(id).getString("status")).isEqualTo("available");
        return id;
    }

    JsonObject volume(String id) {
        return ok(call("GET", volumes() + "/" + id, null), 200).getJsonObject("volume");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
