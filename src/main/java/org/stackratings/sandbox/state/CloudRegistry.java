package org.stackratings.sandbox.state;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stackratings.sandbox.profile.CloudProfile;

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

    /** Adds a cloud, or gives an existing one a new profile (keeping its tokens, servers and counts). True if it was new. */
    public boolean put(CloudProfile profile) {
        boolean[] created = {false};
        clouds.compute(profile.name(), (name, existing) -> {
            created[0] = existing == null;
            return existing == null ? new SimulatedCloud(profile, clock) : existing.reconfigured(profile);
        });
        return created[0];
    }

    public boolean remove(String name) {
        return clouds.remove(name) != null;
    }

    public Optional<SimulatedCloud> get(String name) {
        return Optional.ofNullable(clouds.get(name));
    }

    public List<String> names() {
        return clouds.keySet().stream().sorted().toList();
    }
}
