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
import java.util.UUID;
import java.util.function.Consumer;
import org.stackratings.sandbox.profile.LifecycleProfile;

/**
 * The servers of one cloud, in memory. A server's state follows the clock: boot and delete draw their duration and
 * outcome when they start, and every read computes the state at that instant (BUILD until the boot is due, then ACTIVE
 * or ERROR; {@code deleting} until the delete is due, then gone or ERROR). No timers, so a settable clock drives it.
 */
public final class ServerStore {

    public static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";
    static final String DELETE_FAILED = "Failed to delete instance: the compute host did not answer (simulated).";
    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Clock clock;
    private final Map<String, Entry> servers = new LinkedHashMap<>();
    private final SecureRandom passwords = new SecureRandom();
    private long sequence;

    public ServerStore(Clock clock) {
        this.clock = clock;
    }

    /** One server's record; {@link #modify} hands it to changes. */
    public static final class Entry {
        private final long seq;
        private final String id;
        private final ServerSpec spec;
        private final String adminPass;
        private final Instant created;
        private final Instant bootDue;
        private final boolean bootFails;
        private String name;
        private final Map<String, String> metadata;
        private String accessIPv4;
        private String accessIPv6;
        private boolean stopped;
        private Instant modified;
        private Instant deleteDue;
        private boolean deleteFails;
        private Instant deleteRequested;

        private Entry(long seq, String name, ServerSpec spec, String adminPass, Instant created, Instant bootDue,
                boolean bootFails) {
            this.seq = seq;
            this.id = UUID.randomUUID().toString();
            this.spec = spec;
            this.adminPass = adminPass;
            this.created = created;
            this.bootDue = bootDue;
            this.bootFails = bootFails;
            this.name = name;
            this.metadata = new LinkedHashMap<>(spec.metadata());
            this.accessIPv4 = spec.accessIPv4();
            this.accessIPv6 = spec.accessIPv6();
            this.modified = created;
        }

        public Map<String, String> metadata() {
            return metadata;
        }

        public void name(String value) {
            name = value;
        }

        public void accessIPs(String v4, String v6) {
            accessIPv4 = v4 == null ? accessIPv4 : v4;
            accessIPv6 = v6 == null ? accessIPv6 : v6;
        }

        public void stopped(boolean value) {
            stopped = value;
        }

        private boolean goneAt(Instant now) {
            return deleteDue != null && !deleteFails && !now.isBefore(deleteDue);
        }

        private boolean deletingAt(Instant now) {
            return deleteDue != null && now.isBefore(deleteDue);
        }

        private SimulatedServer at(Instant now) {
            boolean booted = !now.isBefore(bootDue);
            String status;
            String vmState;
            String taskState = null;
            SimulatedServer.Fault fault = null;
            Instant updated = modified;
            if (!booted) {
                status = "BUILD";
                vmState = "building";
                taskState = "spawning";
            } else if (bootFails) {
                status = "ERROR";
                vmState = "error";
                fault = new SimulatedServer.Fault(500, NO_VALID_HOST, bootDue);
            } else if (stopped) {
                status = "SHUTOFF";
                vmState = "stopped";
            } else {
                status = "ACTIVE";
                vmState = "active";
            }
            if (booted && bootDue.isAfter(updated)) {
                updated = bootDue;
            }
            if (deleteRequested != null && deleteRequested.isAfter(updated)) {
                updated = deleteRequested;
            }
            if (deletingAt(now)) {
                taskState = "deleting";
            } else if (deleteDue != null) {
                status = "ERROR";
                vmState = "error";
                taskState = null;
                fault = new SimulatedServer.Fault(500, DELETE_FAILED, deleteDue);
                updated = deleteDue.isAfter(updated) ? deleteDue : updated;
            }
            return new SimulatedServer(id, name, status, vmState, taskState, metadata, created, updated,
                    spec.flavorId(), spec.imageId(), spec.networkIds(), spec.keyName(), accessIPv4, accessIPv6,
                    spec.securityGroups(), adminPass, fault);
        }
    }

    private synchronized Instant purge() {
        Instant now = clock.instant();
        servers.values().removeIf(e -> e.goneAt(now));
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
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? spec.name() : spec.name() + "-" + i;
            long bootMs = Math.round(lifecycle.bootTime().sampleMs(random));
            boolean fails = lifecycle.bootFailureRate() > 0 && random.nextDouble() < lifecycle.bootFailureRate();
            Entry entry = new Entry(++sequence, name, spec, adminPass(), now, now.plusMillis(bootMs), fails);
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
                .sorted(Comparator.comparing((Entry e) -> e.created).thenComparingLong(e -> e.seq).reversed())
                .map(e -> e.at(now))
                .toList();
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
        Entry entry = servers.get(id);
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
    public synchronized Optional<SimulatedServer> modify(String id, Consumer<Entry> change) {
        Instant now = purge();
        Entry entry = servers.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        change.accept(entry);
        entry.modified = now;
        return Optional.of(entry.at(now));
    }
}
