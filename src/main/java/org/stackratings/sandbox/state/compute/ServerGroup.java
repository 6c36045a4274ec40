package org.stackratings.sandbox.state.compute;

import java.util.List;
import java.util.Map;

/**
 * A Nova server group of one project: its policy ({@code affinity}, {@code anti-affinity}, {@code soft-affinity} or
 * {@code soft-anti-affinity}), the policy's rules (2.64: {@code max_server_per_host}) and its members' server ids.
 */
public record ServerGroup(String id, String name, String policy, Map<String, Integer> rules, String projectId,
        String userId, List<String> members) {

    public ServerGroup {
        rules = Map.copyOf(rules);
        members = List.copyOf(members);
    }
}
