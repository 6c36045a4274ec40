package org.stackratings.rating;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Rates from seconds of data and moves ratings without a hold, so a test can watch actions happen. */
public class ImmediateMovesProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "stackratings.methodology.version", "test-immediate",
                "stackratings.methodology.window", "PT1H",
                "stackratings.methodology.minimum-history", "PT0S",
                "stackratings.methodology.minimum-coverage", "0.5",
                "stackratings.methodology.stability.hold", "PT0S");
    }
}
