package org.stackratings.openstack.http;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client that openstack4j's calls on this thread go through. openstack4j is synchronous and finds its connector by
 * ServiceLoader, so a session binds its {@link BoundedClient} to the calling thread around each openstack4j call;
 * {@link OpenStack4jConnector} refuses a call made outside such a scope rather than send it unbounded.
 */
public final class CallScope {

    private static final ThreadLocal<BoundedClient> CURRENT = new ThreadLocal<>();

    private CallScope() {
    }

    public static <T> T with(BoundedClient client, Supplier<T> call) {
        BoundedClient previous = CURRENT.get();
        CURRENT.set(client);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static Optional<BoundedClient> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
