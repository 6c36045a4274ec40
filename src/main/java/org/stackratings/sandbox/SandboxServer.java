package org.stackratings.sandbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.identity.KeystoneApi;
import org.stackratings.sandbox.api.image.ImageApi;
import org.stackratings.sandbox.api.network.NetworkApi;
import org.stackratings.sandbox.api.volume.VolumeApi;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.routing.SandboxRouter;
import org.stackratings.sandbox.state.CloudRegistry;
import org.stackratings.sandbox.state.SimulatedCloud;

/**
 * An OpenStack API simulator: many named clouds on one Vert.x HTTP server, each under {@code /{cloud}}, plus the
 * control API under {@code /_sandbox}. Non-blocking: latency and hung requests are timers.
 */
public final class SandboxServer implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;

    private final HttpServer server;
    private final CloudRegistry registry;
    private final String host;
    private final List<Endpoint> endpoints;

    /** A route of a cloud's service API: its method and path template ({@code /:cloud/compute/v2.1/servers/:server_id}). */
    public record Endpoint(String method, String path) {
    }

    private SandboxServer(HttpServer server, CloudRegistry registry, String host, List<Endpoint> endpoints) {
        this.server = server;
        this.registry = registry;
        this.host = host;
        this.endpoints = endpoints;
    }

    /** Starts a sandbox and waits until it listens; {@code port} 0 picks a free port. */
    public static SandboxServer start(Vertx vertx, String host, int port, List<CloudProfile> clouds) {
        return start(vertx, host, port, clouds, Clock.systemUTC());
    }

    /** As {@link #start(Vertx, String, int, List)}, with the clock that outage windows and token expiry follow. */
    public static SandboxServer start(Vertx vertx, String host, int port, List<CloudProfile> clouds, Clock clock) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("SandboxServer.start blocks; do not call it on an event loop thread");
        }
        CloudRegistry registry = new CloudRegistry(clock);
        clouds.forEach(registry::put);
        String urlHost = urlHost(host);
        Router router = SandboxRouter.create(vertx, registry, clock, urlHost,
                List.of(new KeystoneApi(), new ComputeApi(), new ImageApi(), new NetworkApi(), new VolumeApi()));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                        // OpenStack APIs speak HTTP/1.1; a TIMEOUT or RESET must close one request's connection only
                        .setHttp2ClearTextEnabled(false))
                .requestHandler(router);
        await(server.listen(), "start the sandbox on " + host + ":" + port);
        return new SandboxServer(server, registry, urlHost, endpoints(router));
    }

    private static List<Endpoint> endpoints(Router router) {
        return router.getRoutes().stream()
                .filter(route -> route.getPath() != null && route.getPath().startsWith("/:cloud/") && route.methods() != null)
                .flatMap(route -> route.methods().stream().map(method -> new Endpoint(method.name(), route.getPath())))
                .distinct()
                .toList();
    }

    private static String urlHost(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out waiting to " + what, e);
        }
    }

    /** Every route of the clouds' service APIs, in the order they were registered. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** The Keystone v3 URL of {@code cloud}: {@code baseUrl()/cloud/identity/v3}. */
    public String authUrl(String cloud) {
        return baseUrl() + "/" + cloud + "/identity/v3";
    }

    /** Adds a cloud, or replaces the profile of an existing one (its tokens and counts are kept). */
    public void putCloud(CloudProfile profile) {
        registry.put(profile);
    }

    /**
     * Makes a running cloud attack its clients as {@code hostile} says, or stops it (null); answers still going under
     * the old mode (endless bodies, silent connections) are ended. Throws for an unknown cloud.
     */
    public void setHostile(String cloud, HostileProfile hostile) {
        registry.setHostile(cloud, hostile)
                .orElseThrow(() -> new IllegalArgumentException("no cloud named '" + cloud + "' in this sandbox"));
    }

    public void removeCloud(String name) {
        registry.remove(name);
    }

    public List<String> cloudNames() {
        return registry.names();
    }

    /** The running cloud, for tests that look at its counts or tokens. */
    public Optional<SimulatedCloud> cloud(String name) {
        return registry.get(name);
    }

    /** Stops listening and closes open connections; blocks until done. */
    @Override
    public void close() {
        await(server.close(), "stop the sandbox");
    }
}
