package org.stackratings.rating;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;

/** A {@link MethodologyConfig} with the shipped defaults, plus overrides, for unit tests. */
final class MethodologyFixture {

    private MethodologyFixture() {
    }

    static MethodologyConfig methodology(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MethodologyConfig.class)
                .withSources(new PropertiesConfigSource(overrides, "test", 500))
                .build();
        return config.getConfigMapping(MethodologyConfig.class);
    }
}
