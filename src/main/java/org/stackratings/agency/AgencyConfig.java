package org.stackratings.agency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of this agency instance as a whole. */
@ConfigMapping(prefix = "stackratings")
public interface AgencyConfig {

    /** Name of the vantage point that takes the measurements (PRODUCT.md section 2). */
    @WithDefault("local")
    String vantage();
}
