package org.stackratings.certification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a certificate holds, how long it is still counted after its expiry, and how lapses are found. */
@ConfigMapping(prefix = "stackratings.certification")
public interface CertificationConfig {

    /** How long after a passing run's end its certificate expires (the statement's {@code exp}). */
    @WithDefault("P7D")
    Duration validity();

    /**
     * How long after its expiry a certificate that no passing run renewed (AT_RISK, or simply not renewed) is still
     * counted as certified by the API and the gate; it lapses at expiry + grace.
     */
    @WithDefault("P1D")
    Duration grace();

    /** How often the lapse job looks for certificates past their lapse time (a scheduler interval, or {@code off}). */
    @WithDefault("60s")
    String lapseInterval();

    /** {@code Cache-Control: max-age} of certification badges. */
    @WithDefault("PT5M")
    Duration badgeMaxAge();
}
