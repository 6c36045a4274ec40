package org.stackratings.member;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Defaults and bounds for member probe settings. */
@ConfigMapping(prefix = "stackratings.member")
public interface MemberDefaults {

    /** Cadence of the {@code api} probe when a member does not set one. */
    @WithDefault("PT60S")
    Duration apiInterval();

    /** Cadence of the {@code lifecycle} probe when a member does not set one. */
    @WithDefault("PT15M")
    Duration lifecycleInterval();

    /** Cadence of the {@code compliance} probe when a member does not set one. */
    @WithDefault("PT24H")
    Duration complianceInterval();

    /** Cadence of the {@code conformance} run when a member does not set one. */
    @WithDefault("PT24H")
    Duration conformanceInterval();

    /** Shortest cadence a member may ask for (any probe). */
    @WithDefault("PT10S")
    Duration minApiInterval();
}
