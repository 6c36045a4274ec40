package org.stackratings.sandbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a standalone sandbox (own Vert.x, free port) for a Quarkus test; clouds from the init arg {@code profiles}. */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SandboxServer server;
    private Vertx vertx;
    private String profiles = "sandbox/test-clouds.yaml";

    @Override
    public void init(Map<String, String> initArgs) {
        profiles = initArgs.getOrDefault("profiles", profiles);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(profiles)) {
            if (in == null) {
                throw new IllegalArgumentException("no sandbox profiles at classpath:" + profiles);
            }
            server = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("stackratings.sandbox.enabled", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** The running sandbox of the current test. */
    public static SandboxServer server() {
        if (server == null) {
            throw new IllegalStateException("the sandbox test resource is not started");
        }
        return server;
    }
}
