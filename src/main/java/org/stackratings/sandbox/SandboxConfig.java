package org.stackratings.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code stackratings.sandbox.*}: whether and where the product starts its own OpenStack simulator. */
@ConfigMapping(prefix = "stackratings.sandbox")
public interface SandboxConfig {

    /**
     * Start the sandbox with the application (on in dev mode). Honoured in dev and test mode only: in the production
     * launch mode it also takes {@link #allowInProduction()}, else the application does not start.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * Let {@link #enabled()} start the sandbox in the production launch mode too (its control API has no
     * authentication; a loud warning is logged at start).
     */
    @WithDefault("false")
    boolean allowInProduction();

    /** Address the sandbox listens on. */
    @WithDefault("127.0.0.1")
    String host();

    /** Port the sandbox listens on (0: any free port). */
    @WithDefault("8780")
    int port();

    /** Cloud profiles: a classpath resource or a file path. */
    @WithDefault("sandbox/dev-clouds.yaml")
    String profiles();

    /** History generated for the sandbox's clouds when the sandbox runs in-process (docs/sandbox.md). */
    Backfill backfill();

    interface Backfill {

        /** Days of history to generate before the first start (0: none). Runs only with the in-process sandbox. */
        @WithDefault("90")
        int days();

        /** Seed of the generated history: the same seed, clouds and period give the same history. */
        @WithDefault("2026")
        long seed();
    }
}
