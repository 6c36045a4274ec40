package org.stackratings.sandbox.api.volume;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.volume.VolumeStore;

/** A sandbox with one cloud {@code vol} on a {@link MutableClock} and a small Cinder v3 client for it, for tests. */
final class CinderClient implements AutoCloseable {

    static final String CLOUD = "vol";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final CloudProfile profile = CloudProfile.basic(CLOUD, CLOUD + "-secret");
    final SandboxFixture sandbox = SandboxFixture.start(List.of(profile), clock);
    final String token = sandbox.token(CLOUD, CLOUD + "-secret");
    final String project = profile.project().id();

    /** {@code /vol/volume/v3/{project}}. */
    String base() {
        return "/" + CLOUD + "/volume/v3/" + project;
    }

    HttpResponse<String> call(String method, String path, String body) {
        return sandbox.call(method, base() + path, token, body);
    }

    HttpResponse<String> get(String path) {
        return call("GET", path, null);
    }

    HttpResponse<String> getAt(String version, String path) {
        return sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + base() + path))
                .header("X-Auth-Token", token).header("OpenStack-API-Version", "volume " + version).GET().build());
    }

    JsonObject json(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? new JsonObject() : SandboxFixture.json(answer);
    }

    /** Creates a volume from {@code volume} (the inner object) and answers its document (creating). */
    JsonObject create(JsonObject volume) {
        return json(call("POST", "/volumes", new JsonObject().put("volume", volume).encode()), 202)
                .getJsonObject("volume");
    }

    /** Creates a volume and lets the clock pass until it is available. */
    JsonObject available(JsonObject volume) {
        JsonObject created = create(volume);
        step();
        return show(created.getString("id"));
    }

    JsonObject show(String id) {
        return json(get("/volumes/" + id), 200).getJsonObject("volume");
    }

    HttpResponse<String> action(String id, JsonObject action) {
        return call("POST", "/volumes/" + id + "/action", action.encode());
    }

    /** Lets a passing status (creating, deleting...) reach its next. */
    void step() {
        clock.advance(VolumeStore.STEP.plus(Duration.ofMillis(1)));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
