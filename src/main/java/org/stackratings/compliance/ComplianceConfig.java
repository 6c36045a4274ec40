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

    /**
     * Add-on guideline files (classpath resources or files, e.g. {@code interop/dns.2020.06.json}), each adding its
     * add-ons (by name, {@code DNS}, {@code Orchestration}) as targets; every add-on must build on the guideline above.
     */
    java.util.Optional<java.util.List<String>> addOns();

    /**
     * The target of each member by slug: a platform of the guideline or an add-on name; a member not listed is
     * checked against {@link #platform()}. Every target named must exist, or the application does not start.
     */
    java.util.Map<String, String> targets();

    /** Longest a compliance run may take; capabilities not reached by then are NOT_CHECKED. */
    @WithDefault("PT3M")
    Duration runDeadline();
}
