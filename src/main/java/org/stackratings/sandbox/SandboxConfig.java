package org.stackratings.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code stackratings.sandbox.*}: whether and where the product starts its own OpenStack simulator. */
@ConfigMapping(prefix = "stackratings.sandbox")
public interface SandboxConfig {

    /** Start the sandbox with the application (on in dev mode). */
    @WithDefault("false")
    boolean enabled();

    /** Address the sandbox listens on. */
    @WithDefault("127.0.0.1")
    String host();

    /** Port the sandbox listens on (0: any free port). */
    @WithDefault("8780")
    int port();

    /** Cloud profiles: a classpath resource or a file path. */
    @WithDefault("sandbox/dev-clouds.yaml")
    String profiles();
}
