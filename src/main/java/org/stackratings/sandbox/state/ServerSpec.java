package org.stackratings.sandbox.state;

import java.util.List;
import java.util.Map;

/** A validated server create request. {@code networkIds} are the networks the server gets an address on. */
public record ServerSpec(String name, String flavorId, String imageId, List<String> networkIds,
        Map<String, String> metadata, String keyName, String accessIPv4, String accessIPv6,
        List<String> securityGroups, int minCount, int maxCount) {

    public ServerSpec {
        networkIds = List.copyOf(networkIds);
        metadata = Map.copyOf(metadata);
        securityGroups = List.copyOf(securityGroups);
    }
}
