package org.stackratings.sandbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Starts the sandbox with the application when {@code stackratings.sandbox.enabled=true}, and stops it after. */
@ApplicationScoped
public class SandboxLauncher {

    private static final Logger LOG = Logger.getLogger(SandboxLauncher.class);

    private final SandboxConfig config;
    private final Vertx vertx;
    private volatile SandboxServer server;

    public SandboxLauncher(SandboxConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        List<CloudProfile> clouds = loadProfiles(config.profiles());
        server = SandboxServer.start(vertx, config.host(), config.port(), clouds);
        LOG.infof("OpenStack sandbox listening on %s with %d simulated clouds", server.baseUrl(), clouds.size());
        for (CloudProfile cloud : clouds) {
            LOG.infof("  sandbox cloud %-12s auth URL %s  (%s)", cloud.name(), server.authUrl(cloud.name()),
                    cloud.description());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        SandboxServer running = server;
        server = null;
        if (running != null) {
            running.close();
            LOG.info("OpenStack sandbox stopped");
        }
    }

    /** The running sandbox, if enabled and started. */
    public Optional<SandboxServer> server() {
        return Optional.ofNullable(server);
    }

    /** Reads profiles from a classpath resource or, failing that, a file. */
    static List<CloudProfile> loadProfiles(String location) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return CloudProfiles.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox profiles " + location, e);
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("sandbox profiles '" + location
                    + "' are neither a classpath resource nor a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return CloudProfiles.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox profiles " + file, e);
        }
    }
}
