package org.stackratings.sandbox.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.stackratings.sandbox.state.compute.InstanceAction;

/**
 * One server of a {@link ServerStore}, mutable under the store's lock: what it was created with, what was changed
 * since (name, metadata, tags, lock, flavor after a resize, image after a rebuild), its settled VM state
 * ({@code active}, {@code stopped} or {@code resized}) and the task under way, if any, which settles into its result
 * when its due instant has passed on the store's clock. {@link ServerStore#modify} hands it to changes.
 */
public final class ServerRecord {

    /** A task under way: the status and task state it shows until {@code due}, then {@code done} is applied. */
    private record Task(String status, String taskState, Instant due, Consumer<ServerRecord> done) {
    }

    final long seq;
    final String id;
    final String reservationId;
    final Instant created;
    final Instant bootDue;
    final boolean bootFails;
    private final ServerSpec spec;
    private final Map<String, String> metadata;
    private final Set<String> tags = new LinkedHashSet<>();
    private final Set<String> givenPorts = new LinkedHashSet<>();
    private final List<String> securityGroups = new ArrayList<>();
    private final List<InstanceAction> actions = new ArrayList<>();
    private String name;
    private String description;
    private String flavorId;
    private String imageId;
    private String keyName;
    private String diskConfig;
    private String adminPass;
    private String accessIPv4;
    private String accessIPv6;
    private String vmState = "active";
    private String flavorBeforeResize;
    private String vmStateBeforeResize;
    private boolean locked;
    private String lockedReason;
    private Task task;
    Instant modified;
    Instant deleteDue;
    boolean deleteFails;
    Instant deleteRequested;

    ServerRecord(long seq, String name, String reservationId, ServerSpec spec, String adminPass, Instant created,
            Instant bootDue, boolean bootFails) {
        this.seq = seq;
        this.id = UUID.randomUUID().toString();
        this.reservationId = reservationId;
        this.spec = spec;
        this.adminPass = adminPass;
        this.created = created;
        this.bootDue = bootDue;
        this.bootFails = bootFails;
        this.name = name;
        this.description = spec.description();
        this.flavorId = spec.flavorId();
        this.imageId = spec.imageId();
        this.keyName = spec.keyName();
        this.diskConfig = spec.diskConfig();
        this.metadata = new LinkedHashMap<>(spec.metadata());
        this.accessIPv4 = spec.accessIPv4();
        this.accessIPv6 = spec.accessIPv6();
        this.modified = created;
        this.securityGroups.addAll(spec.securityGroups());
    }

    public String id() {
        return id;
    }

    /** When the boot ends (ACTIVE, or ERROR when it {@link #bootFails}). */
    public Instant bootDue() {
        return bootDue;
    }

    public boolean bootFails() {
        return bootFails;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The server's tags, in the order they were added (Nova's 2.26 tags). */
    public Set<String> tags() {
        return tags;
    }

    /** The Neutron ports the server was given (at create or attach), which are unbound, not deleted, with it. */
    public Set<String> givenPorts() {
        return givenPorts;
    }

    /** The names of the server's security groups (add and remove change them). */
    public List<String> securityGroups() {
        return securityGroups;
    }

    /** Sets the admin password (the one a create asked for). */
    public void adminPass(String value) {
        adminPass = value;
    }

    public void name(String value) {
        name = value;
    }

    public void description(String value) {
        description = value;
    }

    public void diskConfig(String value) {
        diskConfig = value;
    }

    public void accessIPs(String v4, String v6) {
        accessIPv4 = v4 == null ? accessIPv4 : v4;
        accessIPv6 = v6 == null ? accessIPv6 : v6;
    }

    /** The settled VM state: {@code active}, {@code stopped} or {@code resized} (after a resize, until confirmed). */
    public String vmState() {
        return vmState;
    }

    /** Powers the server off ({@code true}) or on. */
    public void stopped(boolean value) {
        vmState = value ? "stopped" : "active";
    }

    public boolean locked() {
        return locked;
    }

    /** Locks the server (the reason may be null) or, with {@code false}, unlocks it. */
    public void locked(boolean value, String reason) {
        locked = value;
        lockedReason = value ? reason : null;
    }

    /** Starts a task: the server shows {@code status} and {@code taskState} for {@code time}, then {@code done}. */
    public void begin(String status, String taskState, Duration time, Instant now, Consumer<ServerRecord> done) {
        task = new Task(status, taskState, now.plus(time), done);
    }

    /** Rebuilds onto another image, keeping what {@code change} does to the rest (name, metadata, password). */
    public void rebuilt(String image, String disk, String password) {
        imageId = image;
        diskConfig = disk == null ? diskConfig : disk;
        adminPass = password == null ? adminPass : password;
    }

    /** Finishes a resize to {@code flavor}: VERIFY_RESIZE until confirmed or reverted. */
    public void resized(String flavor, String disk) {
        flavorBeforeResize = flavorId;
        vmStateBeforeResize = vmState;
        flavorId = flavor;
        diskConfig = disk == null ? diskConfig : disk;
        vmState = "resized";
    }

    /** Confirms a resize ({@code keep}) or reverts it to the flavor before; back to the state before the resize. */
    public void resizeSettled(boolean keep) {
        if (!keep) {
            flavorId = flavorBeforeResize;
        }
        flavorBeforeResize = null;
        vmState = vmStateBeforeResize;
        vmStateBeforeResize = null;
    }

    /** Adds an entry to the server's action history. */
    public void record(InstanceAction action) {
        actions.add(action);
    }

    List<InstanceAction> actions() {
        return List.copyOf(actions);
    }

    /** Applies the task under way if it is due at {@code now}. */
    void settle(Instant now) {
        if (task != null && !now.isBefore(task.due())) {
            Task done = task;
            task = null;
            done.done().accept(this);
            modified = done.due().isAfter(modified) ? done.due() : modified;
        }
    }

    boolean goneAt(Instant now) {
        return deleteDue != null && !deleteFails && !now.isBefore(deleteDue);
    }

    boolean deletingAt(Instant now) {
        return deleteDue != null && now.isBefore(deleteDue);
    }

    /** Whether a task (or a build or delete) is under way at {@code now}. */
    public boolean busyAt(Instant now) {
        return task != null || now.isBefore(bootDue) || deletingAt(now);
    }

    SimulatedServer at(Instant now) {
        boolean booted = !now.isBefore(bootDue);
        String status;
        String vm;
        String taskState = null;
        SimulatedServer.Fault fault = null;
        Instant updated = modified;
        if (!booted) {
            status = "BUILD";
            vm = "building";
            taskState = "spawning";
        } else if (bootFails) {
            status = "ERROR";
            vm = "error";
            fault = new SimulatedServer.Fault(500, ServerStore.NO_VALID_HOST, bootDue);
        } else {
            vm = vmState;
            status = switch (vmState) {
                case "stopped" -> "SHUTOFF";
                case "resized" -> "VERIFY_RESIZE";
                default -> "ACTIVE";
            };
            if (task != null) {
                status = task.status();
                taskState = task.taskState();
            }
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
            vm = "error";
            taskState = null;
            fault = new SimulatedServer.Fault(500, ServerStore.DELETE_FAILED, deleteDue);
            updated = deleteDue.isAfter(updated) ? deleteDue : updated;
        }
        return new SimulatedServer(id, name, status, vm, taskState, metadata, created, updated, flavorId, imageId,
                spec.networkIds(), keyName, accessIPv4, accessIPv6, securityGroups, adminPass, fault,
                new SimulatedServer.Details(description, diskConfig, List.copyOf(tags), locked, lockedReason,
                        reservationId, spec.availabilityZone(), booted && !bootFails ? bootDue : null,
                        List.copyOf(actions), (int) (2 + (seq - 1) % 250), spec.userId()));
    }
}
