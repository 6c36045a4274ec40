package org.stackratings.sandbox.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.stackratings.sandbox.state.compute.InstanceAction;

/**
 * A server of a simulated cloud as it is at one instant: Nova's {@code status}, {@code OS-EXT-STS:vm_state} and
 * {@code OS-EXT-STS:task_state} (null when none), a fault when it is in {@code ERROR}, and its {@link Details}.
 */
public record SimulatedServer(String id, String name, String status, String vmState, String taskState,
        Map<String, String> metadata, Instant created, Instant updated, String flavorId, String imageId,
        List<String> networkIds, String keyName, String accessIPv4, String accessIPv6, List<String> securityGroups,
        String adminPass, Fault fault, Details details) {

    /** Why a server is in {@code ERROR}. */
    public record Fault(int code, String message, Instant created) {
    }

    /**
     * The rest of what Nova shows of a server: description (2.19), {@code OS-DCF:diskConfig}, tags (2.26), the lock
     * (2.9, reason 2.73), the reservation of its create, its availability zone, when it was launched (null before
     * it booted), its action history and the host part of its fixed addresses (2 to 251, from the order of
     * creation, so that servers alive together rarely share one), and the user who created it (null: the cloud's first
     * user).
     */
    public record Details(String description, String diskConfig, List<String> tags, boolean locked,
            String lockedReason, String reservationId, String availabilityZone, Instant launchedAt,
            List<InstanceAction> actions, int addressHost, String userId) {

        public Details {
            tags = List.copyOf(tags);
            actions = List.copyOf(actions);
        }
    }

    public SimulatedServer {
        metadata = Map.copyOf(metadata);
        networkIds = List.copyOf(networkIds);
        securityGroups = List.copyOf(securityGroups);
    }
}
