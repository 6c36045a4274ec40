package org.stackratings.rating;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A methodology that rates from seconds of data, so tests can rate clouds they just probed. */
public class ShortWindowProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "stackratings.methodology.version", "test-short-window",
                "stackratings.methodology.window", "PT1H",
                "stackratings.methodology.minimum-history", "PT0S",
                "stackratings.methodology.minimum-coverage", "0.5");
    }
}
