package org.stackratings.sandbox.state;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.state.compute.InstanceAction;

/**
 * The servers of one cloud, in memory. A server's state follows the clock: boot and delete draw their duration and
 * outcome when they start, and every read computes the state at that instant (BUILD until the boot is due, then ACTIVE
 * or ERROR; {@code deleting} until the delete is due, then gone or ERROR). No timers, so a settable clock drives it.
 */
public final class ServerStore {

    public static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";
    public static final String DELETE_FAILED = "Failed to delete instance: the compute host did not answer (simulated).";
    private static final int MAX_DELETED_HISTORIES = 1000;
    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Clock clock;
    private final Map<String, ServerRecord> servers = new LinkedHashMap<>();
    private final SecureRandom passwords = new SecureRandom();
    /** The action histories of the latest deleted servers, which Nova still lists from 2.21. */
    private final Map<String, List<InstanceAction>> deletedActions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<InstanceAction>> eldest) {
            return size() > MAX_DELETED_HISTORIES;
        }
    };
    private long sequence;

    public ServerStore(Clock clock) {
        this.clock = clock;
    }

    private synchronized Instant purge() {
        Instant now = clock.instant();
        servers.values().removeIf(e -> {
            if (e.goneAt(now)) {
                deletedActions.put(e.id, e.actions());
                return true;
            }
            return false;
        });
        servers.values().forEach(e -> e.settle(now));
        return now;
    }

    /**
     * Creates between {@code minCount} and {@code maxCount} servers (as many as the quota leaves room for), each
     * drawing its boot time and outcome. Empty when not even {@code minCount} fit within {@code maxServers}.
     */
    public synchronized List<SimulatedServer> create(ServerSpec spec, LifecycleProfile lifecycle, Random random) {
        Instant now = purge();
        int room = lifecycle.maxServers() - servers.size();
        if (room < spec.minCount()) {
            return List.of();
        }
        int count = Math.min(spec.maxCount(), room);
        List<SimulatedServer> created = new ArrayList<>();
        String reservation = "r-" + Long.toString(Math.abs(random.nextLong()) % 0x1000000000L, 36);
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? spec.name() : spec.name() + "-" + i;
            long bootMs = Math.round(lifecycle.bootTime().sampleMs(random));
            boolean fails = lifecycle.bootFailureRate() > 0 && random.nextDouble() < lifecycle.bootFailureRate();
            ServerRecord entry = new ServerRecord(++sequence, name, reservation, spec, adminPass(), now,
                    now.plusMillis(bootMs), fails);
            servers.put(entry.id, entry);
            created.add(entry.at(now));
        }
        return created;
    }

    private String adminPass() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(PASSWORD_CHARS.charAt(passwords.nextInt(PASSWORD_CHARS.length())));
        }
        return b.toString();
    }

    /** The server as it is now; empty when unknown or gone. */
    public synchronized Optional<SimulatedServer> find(String id) {
        Instant now = purge();
        return Optional.ofNullable(servers.get(id)).map(e -> e.at(now));
    }

    /** Every server that is not gone, newest first. */
    public synchronized List<SimulatedServer> list() {
        Instant now = purge();
        return servers.values().stream()
                .sorted(Comparator.comparing((ServerRecord e) -> e.created).thenComparingLong(e -> e.seq).reversed())
                .map(e -> e.at(now))
                .toList();
    }

    /**
     * The action history of a server, newest first; of a deleted one too when {@code deletedToo}. Empty when the
     * server is unknown.
     */
    public synchronized Optional<List<InstanceAction>> actions(String id, boolean deletedToo) {
        purge();
        ServerRecord entry = servers.get(id);
        List<InstanceAction> actions = entry != null ? entry.actions() : deletedToo ? deletedActions.get(id) : null;
        return Optional.ofNullable(actions).map(a -> {
            List<InstanceAction> newestFirst = new ArrayList<>(a);
            java.util.Collections.reverse(newestFirst);
            return List.copyOf(newestFirst);
        });
    }

    /** How many servers count against the quota now (those not gone). */
    public synchronized int count() {
        purge();
        return servers.size();
    }

    /**
     * Starts deleting a server: it is {@code deleting} for a drawn time, then gone, or (at {@code deleteFailureRate})
     * in ERROR. A delete already under way is left as it is. False when the server is unknown or gone.
     */
    public synchronized boolean delete(String id, LifecycleProfile lifecycle, Random random) {
        Instant now = purge();
        ServerRecord entry = servers.get(id);
        if (entry == null) {
            return false;
        }
        if (!entry.deletingAt(now)) {
            entry.deleteRequested = now;
            entry.deleteDue = now.plusMillis(Math.round(lifecycle.deleteTime().sampleMs(random)));
            entry.deleteFails = lifecycle.deleteFailureRate() > 0
                    && random.nextDouble() < lifecycle.deleteFailureRate();
        }
        return true;
    }

    /** Applies {@code change} to a server and marks it updated; empty when unknown or gone. */
    public synchronized Optional<SimulatedServer> modify(String id, Consumer<ServerRecord> change) {
        Instant now = purge();
        ServerRecord entry = servers.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        change.accept(entry);
        entry.modified = now;
        return Optional.of(entry.at(now));
    }
}
