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

    /** Shortest cadence a member may ask for. */
    @WithDefault("PT10S")
    Duration minApiInterval();
}
