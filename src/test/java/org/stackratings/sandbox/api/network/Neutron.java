package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.stackratings.sandbox.SandboxFixture;

/** A small Neutron client for the tests: cloud {@code alpha}'s network API with a member token. */
final class Neutron implements AutoCloseable {

    static final String BASE = "/alpha/network/v2.0";

    final SandboxFixture sandbox;
    final String token;

    Neutron() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        token = sandbox.token("alpha", "alpha-secret");
    }

    HttpResponse<String> call(String method, String path, String body) {
        return sandbox.call(method, BASE + path, token, body);
    }

    HttpResponse<String> get(String path) {
        return call("GET", path, null);
    }

    /** The answer's body; fails unless the status is {@code status}. */
    JsonObject expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
    }

    /** Creates one resource and returns it. */
    JsonObject create(String collection, String singular, JsonObject attributes) {
        return expect(201, call("POST", "/" + collection, new JsonObject().put(singular, attributes).encode()))
                .getJsonObject(singular);
    }

    JsonObject network(String name) {
        return create("networks", "network", new JsonObject().put("name", name));
    }

    JsonObject subnet(String networkId, String cidr) {
        return create("subnets", "subnet", new JsonObject().put("network_id", networkId).put("cidr", cidr)
                .put("ip_version", 4));
    }

    JsonObject port(String networkId) {
        return create("ports", "port", new JsonObject().put("network_id", networkId));
    }

    /** The NeutronError type of a refusal with {@code status}. */
    String error(int status, HttpResponse<String> r) {
        return expect(status, r).getJsonObject("NeutronError").getString("type");
    }

    String message(int status, HttpResponse<String> r) {
        return expect(status, r).getJsonObject("NeutronError").getString("message");
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
