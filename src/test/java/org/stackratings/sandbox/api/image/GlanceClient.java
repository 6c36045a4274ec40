package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.stackratings.sandbox.SandboxFixture;

/** A small Glance v2 client over a {@link SandboxFixture}, for the image API tests. */
final class GlanceClient {

    static final String IMAGES = "/alpha/image/v2/images";

    private final SandboxFixture sandbox;
    private final String token;

    GlanceClient(SandboxFixture sandbox, String token) {
        this.sandbox = sandbox;
        this.token = token;
    }

    HttpResponse<String> create(JsonObject body) {
        return sandbox.call("POST", IMAGES, token, body.encode());
    }

    /** Creates an image and answers its document; fails the test unless Glance answers 201. */
    JsonObject created(JsonObject body) {
        HttpResponse<String> answer = create(body);
        if (answer.statusCode() != 201) {
            throw new AssertionError("create answered " + answer.statusCode() + ": " + answer.body());
        }
        return SandboxFixture.json(answer);
    }

    JsonObject createdRaw(String name) {
        return created(new JsonObject().put("name", name).put("disk_format", "raw").put("container_format", "bare"));
    }

    HttpResponse<String> show(String id) {
        return sandbox.get(IMAGES + "/" + id, token);
    }

    HttpResponse<String> list(String query) {
        return sandbox.get(IMAGES + (query.isEmpty() ? "" : "?" + query), token);
    }

    HttpResponse<String> call(String method, String path, String body) {
        return sandbox.call(method, IMAGES + path, token, body);
    }

    HttpResponse<String> patch(String id, String mediaType, JsonArray changes) {
        return sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + IMAGES + "/" + id))
                .header("X-Auth-Token", token).header("Content-Type", mediaType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(changes.encode())).build());
    }

    HttpResponse<String> patch(String id, JsonArray changes) {
        return patch(id, "application/openstack-images-v2.1-json-patch", changes);
    }

    HttpResponse<String> upload(String id, byte[] data) {
        return upload(id, data, "application/octet-stream");
    }

    HttpResponse<String> upload(String id, byte[] data, String type) {
        return sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + IMAGES + "/" + id + "/file"))
                .header("X-Auth-Token", token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
    }

    HttpResponse<byte[]> download(String id, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(sandbox.server.baseUrl() + IMAGES + "/" + id + "/file")).header("X-Auth-Token", token);
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return sandbox.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject op(String op, String path, Object value) {
        JsonObject change = new JsonObject().put("op", op).put("path", path);
        return op.equals("remove") ? change : change.put("value", value);
    }
}
