package org.stackratings.compliance.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every capability check the agency has, from all the {@link CheckGroup}s; a capability checked twice is refused. */
@ApplicationScoped
public class ConformanceChecks {

    private final Map<String, CapabilityCheck> checks;

    ConformanceChecks(Instance<CheckGroup> groups) {
        Map<String, CapabilityCheck> all = new HashMap<>();
        for (CheckGroup group : groups) {
            group.checks().forEach((capability, check) -> {
                if (all.putIfAbsent(capability, check) != null) {
                    throw new IllegalStateException("two checks for capability " + capability);
                }
            });
        }
        this.checks = Map.copyOf(all);
    }

    Optional<CapabilityCheck> find(String capability) {
        return Optional.ofNullable(checks.get(capability));
    }

    /** The capabilities the agency can check. */
    public Set<String> capabilities() {
        return checks.keySet();
    }
}
