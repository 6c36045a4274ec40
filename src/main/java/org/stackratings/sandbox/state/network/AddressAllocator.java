package org.stackratings.sandbox.state.network;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Hands out the addresses of a subnet's allocation pools that no port, gateway or floating IP holds yet. */
public final class AddressAllocator {

    private final NetworkStore store;

    public AddressAllocator(NetworkStore store) {
        this.store = store;
    }

    /** The lowest free address of the subnet's pools, if any is left. */
    public Optional<String> next(JsonObject subnet) {
        return next(subnet, Set.of());
    }

    /** The lowest free address of the subnet's pools that is not one of {@code alsoTaken} either. */
    public Optional<String> next(JsonObject subnet, Set<String> alsoTaken) {
        Set<Long> used = new HashSet<>(store.usedAddresses(subnet.getString("id")));
        alsoTaken.forEach(a -> Ipv4Cidr.address(a).ifPresent(used::add));
        for (Object o : subnet.getJsonArray("allocation_pools")) {
            JsonObject pool = (JsonObject) o;
            long start = Ipv4Cidr.address(pool.getString("start")).orElseThrow();
            long end = Ipv4Cidr.address(pool.getString("end")).orElseThrow();
            for (long a = start; a <= end; a++) {
                if (!used.contains(a)) {
                    return Optional.of(Ipv4Cidr.format(a));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an address of the subnet is held already. */
    public boolean inUse(JsonObject subnet, String address) {
        return Ipv4Cidr.address(address).map(a -> store.usedAddresses(subnet.getString("id")).contains(a))
                .orElse(false);
    }
}
