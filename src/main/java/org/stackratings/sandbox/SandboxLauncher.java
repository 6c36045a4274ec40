package org.stackratings.sandbox;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;

/**
 * Starts the sandbox with the application when {@code stackratings.sandbox.enabled=true} in dev or test mode (in the
 * production launch mode only with {@code stackratings.sandbox.allow-in-production=true}, else the start fails:
 * {@link SandboxStart}), and stops it after.
 */
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
        start(LaunchMode.current());
    }

    /** Starts the sandbox if {@link SandboxStart#decide} says so for {@code mode}; throws when it refuses. */
    void start(LaunchMode mode) {
        SandboxStart decision = SandboxStart.decide(config.enabled(), config.allowInProduction(), mode);
        if (decision == SandboxStart.OFF) {
            return;
        }
        List<CloudProfile> clouds = CloudProfiles.loadFrom(config.profiles());
        server = SandboxServer.start(vertx, config.host(), config.port(), clouds);
        if (decision == SandboxStart.START_IN_PRODUCTION) {
            LOG.warn(SandboxStart.productionWarning(server));
        }
        LOG.infof("OpenStack sandbox listening on %s with %d simulated clouds", server.baseUrl(), clouds.size());
        for (CloudProfile cloud : clouds) {
            LOG.infof("  sandbox cloud %-12s auth URL %s  (%s)", cloud.name(), server.authUrl(cloud.name()),
                    cloud.description());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void stop() {
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
}
