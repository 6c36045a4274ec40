package org.stackratings.sandbox.state.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The server groups of one cloud, in memory, oldest first; kept when the cloud's profile is replaced. */
public final class ServerGroupStore {

    private final Map<String, ServerGroup> groups = new LinkedHashMap<>();

    /** Creates a group without members. */
    public synchronized ServerGroup create(String name, String policy, Map<String, Integer> rules, String projectId,
            String userId) {
        ServerGroup group = new ServerGroup(UUID.randomUUID().toString(), name, policy, rules, projectId, userId,
                List.of());
        groups.put(group.id(), group);
        return group;
    }

    /** The group, with the members that {@code exists} still knows; empty when unknown. */
    public synchronized Optional<ServerGroup> find(String id, Predicate<String> exists) {
        return Optional.ofNullable(groups.get(id)).map(g -> withMembers(g, exists));
    }

    /** Every group, with the members that {@code exists} still knows. */
    public synchronized List<ServerGroup> list(Predicate<String> exists) {
        return groups.values().stream().map(g -> withMembers(g, exists)).toList();
    }

    /** Adds a server to a group; false when the group is unknown. */
    public synchronized boolean addMember(String groupId, String serverId) {
        ServerGroup group = groups.get(groupId);
        if (group == null) {
            return false;
        }
        List<String> members = new ArrayList<>(group.members());
        members.add(serverId);
        groups.put(groupId, new ServerGroup(group.id(), group.name(), group.policy(), group.rules(),
                group.projectId(), group.userId(), members));
        return true;
    }

    /** Deletes a group; false when unknown. */
    public synchronized boolean delete(String id) {
        return groups.remove(id) != null;
    }

    public synchronized int count() {
        return groups.size();
    }

    private static ServerGroup withMembers(ServerGroup group, Predicate<String> exists) {
        return new ServerGroup(group.id(), group.name(), group.policy(), group.rules(), group.projectId(),
                group.userId(), group.members().stream().filter(exists).toList());
    }
}
