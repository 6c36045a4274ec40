package org.stackratings.sandbox.state;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.HostileProfile;

/** The clouds a sandbox hosts, by name. */
public final class CloudRegistry {

    private final Map<String, SimulatedCloud> clouds = new ConcurrentHashMap<>();
    private final Clock clock;

    public CloudRegistry() {
        this(Clock.systemUTC());
    }

    /** A registry whose clouds' servers follow {@code clock}. */
    public CloudRegistry(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds a cloud, or gives an existing one a new profile (keeping its tokens, servers and counts). When the hostile
     * section changes, the hostile answers still going under the old one are ended. True if the cloud was new.
     */
    public boolean put(CloudProfile profile) {
        SimulatedCloud[] previous = {null};
        clouds.compute(profile.name(), (name, existing) -> {
            previous[0] = existing;
            return existing == null ? new SimulatedCloud(profile, clock) : existing.reconfigured(profile);
        });
        endChangedHostility(previous[0], profile.hostile());
        return previous[0] == null;
    }

    /** Makes a cloud hostile as {@code hostile} says, or not hostile (null); empty when there is no such cloud. */
    public Optional<SimulatedCloud> setHostile(String name, HostileProfile hostile) {
        SimulatedCloud[] previous = {null};
        SimulatedCloud changed = clouds.computeIfPresent(name, (n, existing) -> {
            previous[0] = existing;
            return existing.reconfigured(existing.profile().withHostile(hostile));
        });
        endChangedHostility(previous[0], hostile);
        return Optional.ofNullable(changed);
    }

    private static void endChangedHostility(SimulatedCloud before, HostileProfile now) {
        if (before != null && !Objects.equals(before.profile().hostile(), now)) {
            before.hostileStreams().closeAll();
        }
    }

    public boolean remove(String name) {
        SimulatedCloud removed = clouds.remove(name);
        if (removed != null) {
            removed.hostileStreams().closeAll();
        }
        return removed != null;
    }

    public Optional<SimulatedCloud> get(String name) {
        return Optional.ofNullable(clouds.get(name));
    }

    public List<String> names() {
        return clouds.keySet().stream().sorted().toList();
    }
}
