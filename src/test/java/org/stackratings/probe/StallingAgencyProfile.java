package org.stackratings.probe;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Short stall bounds, and a rating pass every second, so health checks can be seen going DOWN within seconds. */
public class StallingAgencyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("stackratings.probe.stall-after", "PT3S",
                "stackratings.rating.interval", "1s",
                "stackratings.rating.stall-after", "PT3S");
    }
}
