package org.stackratings.sandbox.state;

import java.util.List;
import java.util.Map;

/**
 * A validated server create request. {@code networkIds} are the networks the server gets an address on;
 * {@code diskConfig} is AUTO or MANUAL; {@code group} the server group of the scheduler hint (null: none);
 * {@code userId} the user whose token created it (null: the cloud's first user).
 */
public record ServerSpec(String name, String flavorId, String imageId, List<String> networkIds,
        Map<String, String> metadata, String keyName, String accessIPv4, String accessIPv6,
        List<String> securityGroups, int minCount, int maxCount, String description, String diskConfig,
        String availabilityZone, String group, String userId) {

    public ServerSpec {
        networkIds = List.copyOf(networkIds);
        metadata = Map.copyOf(metadata);
        securityGroups = List.copyOf(securityGroups);
        diskConfig = diskConfig == null ? "MANUAL" : diskConfig;
        availabilityZone = availabilityZone == null ? "nova" : availabilityZone;
    }

    /** A spec with the defaults of the fields a plain create leaves out. */
    public ServerSpec(String name, String flavorId, String imageId, List<String> networkIds,
            Map<String, String> metadata, String keyName, String accessIPv4, String accessIPv6,
            List<String> securityGroups, int minCount, int maxCount) {
        this(name, flavorId, imageId, networkIds, metadata, keyName, accessIPv4, accessIPv6, securityGroups,
                minCount, maxCount, null, null, null, null, null);
    }
}
