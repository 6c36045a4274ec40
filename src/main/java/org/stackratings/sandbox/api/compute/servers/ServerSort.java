package org.stackratings.sandbox.api.compute.servers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * The order of a server list: {@code sort_key} and {@code sort_dir} pairs (repeatable) over the keys a member may
 * sort by; {@code created_at} descending when none is given, as Nova does, with the id breaking ties. A key or
 * direction Nova does not know is its 400.
 */
record ServerSort(Comparator<SimulatedServer> comparator) {

    private static final Map<String, Function<SimulatedServer, Comparable<?>>> KEYS = Map.ofEntries(
            Map.entry("created_at", SimulatedServer::created),
            Map.entry("updated_at", SimulatedServer::updated),
            Map.entry("display_name", SimulatedServer::name),
            Map.entry("uuid", SimulatedServer::id),
            Map.entry("vm_state", SimulatedServer::vmState),
            Map.entry("task_state", s -> s.taskState() == null ? "" : s.taskState()),
            Map.entry("key_name", s -> s.keyName() == null ? "" : s.keyName()),
            Map.entry("image_ref", SimulatedServer::imageId),
            Map.entry("instance_type_id", SimulatedServer::flavorId),
            Map.entry("availability_zone", s -> s.details().availabilityZone()),
            Map.entry("launched_at", s -> s.details().launchedAt() == null ? Instant.EPOCH
                    : s.details().launchedAt()),
            Map.entry("access_ip_v4", s -> s.accessIPv4() == null ? "" : s.accessIPv4()),
            Map.entry("access_ip_v6", s -> s.accessIPv6() == null ? "" : s.accessIPv6()));

    static ServerSort of(ApiRequest req) {
        List<String> keys = req.context().queryParam("sort_key");
        List<String> dirs = req.context().queryParam("sort_dir");
        for (String dir : dirs) {
            if (!"asc".equals(dir) && !"desc".equals(dir)) {
                throw new NovaRefusal(400, "Invalid input for query parameters sort_dir. Value: " + dir + ".");
            }
        }
        List<String> wanted = new ArrayList<>(keys.isEmpty() ? List.of("created_at") : keys);
        Comparator<SimulatedServer> order = null;
        for (int i = 0; i < wanted.size(); i++) {
            String key = wanted.get(i);
            if (!KEYS.containsKey(key)) {
                throw new NovaRefusal(400, "Invalid input for query parameters sort_key. Value: " + key + ".");
            }
            boolean ascending = i < dirs.size() ? "asc".equals(dirs.get(i)) : !dirs.isEmpty()
                    && "asc".equals(dirs.get(dirs.size() - 1));
            Comparator<SimulatedServer> one = Comparator.comparing(s -> comparable(KEYS.get(key).apply(s)));
            one = ascending ? one : one.reversed();
            order = order == null ? one : order.thenComparing(one);
        }
        return new ServerSort(order);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Comparable<?> value) {
        return (Comparable<Object>) value;
    }
}
