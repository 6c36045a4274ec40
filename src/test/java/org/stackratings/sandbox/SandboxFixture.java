package org.stackratings.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;
import org.stackratings.sandbox.profile.HostileProfile;

/**
 * A sandbox on a free port with its own Vert.x, and a small HTTP client for it. For tests.
 *
 * <p>Hostile clouds (docs/sandbox.md, "Hostile clouds"): {@link #hostileCloud(String, HostileProfile)} builds one
 * (user {@code probe}, password {@code <name>-secret}), e.g.
 * {@code SandboxFixture.start(List.of(SandboxFixture.hostileCloud("evil", HostileProfile.of(HostileMode.ENDLESS_BODY))))};
 * {@code server.setHostile(name, hostile)} switches a running cloud (null stops it); a profile's YAML takes a section
 * {@code hostile: { mode: endless-body }}.
 */
public final class SandboxFixture implements AutoCloseable {

    public final Vertx vertx;
    public final SandboxServer server;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxFixture(List<CloudProfile> clouds, Clock clock) {
        vertx = Vertx.vertx();
        server = SandboxServer.start(vertx, "127.0.0.1", 0, clouds, clock);
    }

    public static SandboxFixture start(List<CloudProfile> clouds) {
        return new SandboxFixture(clouds, Clock.systemUTC());
    }

    public static SandboxFixture start(List<CloudProfile> clouds, Clock clock) {
        return new SandboxFixture(clouds, clock);
    }

    public static List<CloudProfile> testClouds() {
        try (InputStream in = SandboxFixture.class.getClassLoader()
                .getResourceAsStream("sandbox/test-clouds.yaml")) {
            return CloudProfiles.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean cloud {@code name} (user {@code probe}, password {@code <name>-secret}) that attacks as {@code hostile} says. */
    public static CloudProfile hostileCloud(String name, HostileProfile hostile) {
        return CloudProfile.basic(name, name + "-secret").withHostile(hostile);
    }

    public static String passwordAuth(String user, String password, String scope) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":" + user
                + ",\"password\":\"" + password + "\"}}}" + (scope == null ? "" : ",\"scope\":" + scope) + "}}";
    }

    public static String byName(String user, String password) {
        return passwordAuth("{\"name\":\"" + user + "\",\"domain\":{\"name\":\"Default\"}", password,
                "{\"project\":{\"name\":\"probe\",\"domain\":{\"name\":\"Default\"}}}");
    }

    public static String appCredential(String id, String secret) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":"
                + "{\"id\":\"" + id + "\",\"secret\":\"" + secret + "\"}}}}";
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return send(b.build());
    }

    /** Any request with a token (may be null) and a JSON body (may be null). */
    public HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A project-scoped token of user {@code probe}. */
    public String token(String cloud, String password) {
        HttpResponse<String> r = post("/" + cloud + "/identity/v3/auth/tokens", byName("probe", password));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("token issue failed: " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    public static JsonObject json(HttpResponse<String> r) {
        return new JsonObject(r.body());
    }

    @Override
    public void close() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
