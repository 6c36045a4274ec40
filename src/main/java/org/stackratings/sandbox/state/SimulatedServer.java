package org.stackratings.sandbox.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server of a simulated cloud as it is at one instant: Nova's {@code status}, {@code OS-EXT-STS:vm_state} and
 * {@code OS-EXT-STS:task_state} (null when none), and a fault when it is in {@code ERROR}.
 */
public record SimulatedServer(String id, String name, String status, String vmState, String taskState,
        Map<String, String> metadata, Instant created, Instant updated, String flavorId, String imageId,
        List<String> networkIds, String keyName, String accessIPv4, String accessIPv6, List<String> securityGroups,
        String adminPass, Fault fault) {

    /** Why a server is in {@code ERROR}. */
    public record Fault(int code, String message, Instant created) {
    }

    public SimulatedServer {
        metadata = Map.copyOf(metadata);
        networkIds = List.copyOf(networkIds);
        securityGroups = List.copyOf(securityGroups);
    }
}
