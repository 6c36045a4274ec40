package org.stackratings.probe;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Probe servers older than two seconds count as leaked, so the reaper can be tested without waiting 30 minutes. */
public class ShortReaperTtlProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("stackratings.probe.lifecycle.reaper-ttl", "PT2S");
    }
}
