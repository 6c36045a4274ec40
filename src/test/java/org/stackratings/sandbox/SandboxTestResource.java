package org.stackratings.sandbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;
import org.stackratings.sandbox.profile.HostileProfile;

/**
 * Starts a standalone sandbox (own Vert.x, free port) for a Quarkus test, with the clouds of the classpath
 * resource named by the init arg {@code profiles} (default {@code sandbox/test-clouds.yaml};
 * {@code sandbox/hostile-clouds.yaml} holds one hostile cloud per mode). The application keeps its own sandbox off.
 * Tests reach the server through {@link #server()}.
 *
 * <p>Hostile clouds (docs/sandbox.md, "Hostile clouds"): {@link #putHostileCloud(String, HostileProfile)} adds one to
 * the running sandbox, e.g.
 * {@code SandboxTestResource.putHostileCloud("evil", HostileProfile.foreignEndpoints(URI.create("http://127.0.0.2:9999/")))},
 * and the member is onboarded with {@code server().authUrl("evil")}, user {@code probe}, password {@code evil-secret}.
 * {@code server().setHostile(name, hostile)} switches a running cloud (null stops it); {@code server().removeCloud}
 * removes it (and ends its endless answers). The sandbox is shared by the tests of one Quarkus test resource, so give
 * each hostile cloud its own name.
 */
public class SandboxTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROFILES_ARG = "profiles";
    public static final String DEFAULT_PROFILES = "sandbox/test-clouds.yaml";

    private static volatile SandboxServer server;

    private String profiles = DEFAULT_PROFILES;
    private Vertx vertx;

    /** The running sandbox of the current test resource. */
    public static SandboxServer server() {
        SandboxServer running = server;
        if (running == null) {
            throw new IllegalStateException("SandboxTestResource is not running");
        }
        return running;
    }

    /** Adds (or replaces) cloud {@code name}, user {@code probe}, password {@code <name>-secret}, hostile as said. */
    public static CloudProfile putHostileCloud(String name, HostileProfile hostile) {
        CloudProfile profile = SandboxFixture.hostileCloud(name, hostile);
        server().putCloud(profile);
        return profile;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        profiles = initArgs.getOrDefault(PROFILES_ARG, DEFAULT_PROFILES);
    }

    @Override
    public Map<String, String> start() {
        List<CloudProfile> clouds;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(profiles)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + profiles);
            }
            clouds = CloudProfiles.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vertx = Vertx.vertx();
        server = SandboxServer.start(vertx, "127.0.0.1", 0, clouds);
        return Map.of("stackratings.sandbox.enabled", "false");
    }

    @Override
    public void stop() {
        SandboxServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
    }
}
