package org.stackratings.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Which interoperability guideline the compliance probe checks, and how long a run may take. */
@ConfigMapping(prefix = "stackratings.compliance")
public interface ComplianceConfig {

    /** Classpath resource (or file) of the guideline JSON (schema 2.0). */
    @WithDefault("interop/2020.06.json")
    String guideline();

    /** The platform whose required capabilities are checked. */
    @WithDefault("OpenStack Powered Compute")
    String platform();

    /** Longest a compliance run may take; capabilities not reached by then are NOT_CHECKED. */
    @WithDefault("PT3M")
    Duration runDeadline();
}
