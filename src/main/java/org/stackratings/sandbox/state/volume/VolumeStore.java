package org.stackratings.sandbox.state.volume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * The volumes and snapshots of one cloud's Cinder. Statuses that take time (creating, deleting, attaching,
 * detaching, extending...) reach their next status {@link #STEP} later on the sandbox clock: every read settles the
 * changes due at the instant it is given. The seeded volumes of {@link CloudInventory} are the initial content. Kept
 * when the cloud's profile is replaced.
 */
public final class VolumeStore {

    /** How long a volume or snapshot stays in a passing status. */
    public static final Duration STEP = Duration.ofSeconds(1);

    private final Map<String, StoredVolume> volumes = new LinkedHashMap<>();
    private final Map<String, StoredSnapshot> snapshots = new LinkedHashMap<>();
    private final VolumeQuota quota;

    public VolumeStore(List<StoredVolume> initial, VolumeQuota quota) {
        this.quota = quota;
        initial.forEach(v -> volumes.put(v.id(), v));
    }

    /** A store holding the seeded volumes of {@code inventory}, owned by the profile's project and first user. */
    public static VolumeStore seeded(CloudInventory inventory, CloudProfile profile) {
        String user = profile.users().isEmpty() ? null : profile.users().get(0).id();
        Instant created = Instant.parse(CloudInventory.CREATED_AT);
        List<StoredVolume> seeded = inventory.volumes().stream().map(v -> new StoredVolume(v.id(),
                profile.project().id(), user, v.status(),
                new VolumeAttributes(v.name(), null, Map.of(), v.bootable(), null,
                        v.imageId() == null ? Map.of() : Map.of("image_id", v.imageId())),
                v.sizeGb(), "nova", VolumeTypes.DEFAULT_NAME,
                new VolumeOrigin(null, null, v.imageId()), List.of(), created, created, null)).toList();
        return new VolumeStore(seeded, VolumeQuota.DEFAULT);
    }

    public VolumeQuota quota() {
        return quota;
    }

    private void settle(Instant now) {
        for (StoredVolume v : new ArrayList<>(volumes.values())) {
            PendingChange p = v.pending();
            if (p == null || p.at().isAfter(now)) {
                continue;
            }
            if (p.gone()) {
                volumes.remove(v.id());
                continue;
            }
            List<VolumeAttachment> kept = v.attachments().stream()
                    .filter(a -> !a.serverId().equals(p.detachedServer())).toList();
            volumes.put(v.id(), v.withAttachments(kept, p.at()).withStatus(p.status(), null, p.at()));
        }
        for (StoredSnapshot s : new ArrayList<>(snapshots.values())) {
            PendingChange p = s.pending();
            if (p == null || p.at().isAfter(now)) {
                continue;
            }
            if (p.gone()) {
                snapshots.remove(s.id());
            } else {
                snapshots.put(s.id(), s.withStatus(p.status(), null, p.at()));
            }
        }
    }

    /** The project's volumes as they are at {@code now}, oldest first. */
    public synchronized List<StoredVolume> volumes(String project, Instant now) {
        settle(now);
        return volumes.values().stream().filter(v -> v.project().equals(project)).toList();
    }

    public synchronized Optional<StoredVolume> volume(String project, String id, Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.get(id)).filter(v -> v.project().equals(project));
    }

    /** What the project uses of its quota at {@code now}. */
    public synchronized VolumeUsage usage(String project, Instant now) {
        settle(now);
        List<StoredVolume> own = volumes(project, now);
        List<StoredSnapshot> ownSnapshots = snapshots(project, now);
        int gigabytes = own.stream().mapToInt(StoredVolume::size).sum()
                + ownSnapshots.stream().mapToInt(StoredSnapshot::size).sum();
        return new VolumeUsage(own.size(), gigabytes, ownSnapshots.size());
    }

    /** Adds a volume (it should be {@code creating}: it becomes {@code available} a {@link #STEP} later). */
    public synchronized StoredVolume add(StoredVolume volume) {
        volumes.put(volume.id(), volume);
        return volume;
    }

    public synchronized Optional<StoredVolume> update(String id, UnaryOperator<VolumeAttributes> change,
            Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.computeIfPresent(id, (k, v) -> v.with(change.apply(v.attributes()), now)));
    }

    /** Sets the status now; {@code next} the change still to come (null: none). */
    public synchronized Optional<StoredVolume> setStatus(String id, String status, PendingChange next, Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.computeIfPresent(id, (k, v) -> v.withStatus(status, next, now)));
    }

    /** Sets the status now and {@code then} a {@link #STEP} later. */
    public synchronized Optional<StoredVolume> pass(String id, String status, String then, Instant now) {
        return setStatus(id, status, PendingChange.becomes(then, now.plus(STEP)), now);
    }

    /**
     * Cinder's conditional update: the volume is {@code status} now and {@code then} a {@link #STEP} later (null: it
     * stays), but only if it is in one of the {@code expected} statuses; empty when it is not (or is unknown).
     */
    public synchronized Optional<StoredVolume> passFrom(Set<String> expected, String id, String status, String then,
            Instant now) {
        settle(now);
        StoredVolume v = volumes.get(id);
        if (v == null || !expected.contains(v.status())) {
            return Optional.empty();
        }
        StoredVolume changed = v.withStatus(status, then == null ? null : PendingChange.becomes(then, now.plus(STEP)),
                now);
        volumes.put(id, changed);
        return Optional.of(changed);
    }

    /** Grows the volume: extending now, available with {@code size} GiB a {@link #STEP} later. */
    public synchronized Optional<StoredVolume> extend(String id, int size, Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.computeIfPresent(id, (k, v) -> v.withSize(size, now)
                .withStatus("extending", PendingChange.becomes(v.status(), now.plus(STEP)), now)));
    }

    /** Adds the attachment; the volume is {@code status} now and {@code then} a {@link #STEP} later (null: stays). */
    public synchronized Optional<StoredVolume> attach(VolumeAttachment attachment, String status, String then,
            Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.computeIfPresent(attachment.volumeId(), (k, v) -> {
            List<VolumeAttachment> all = new ArrayList<>(v.attachments());
            all.removeIf(a -> a.serverId().equals(attachment.serverId()));
            all.add(attachment);
            return v.withAttachments(all, now).withStatus(status,
                    then == null ? null : PendingChange.becomes(then, now.plus(STEP)), now);
        }));
    }

    /** Ends the attachment to {@code serverId}: detaching now, available a {@link #STEP} later. */
    public synchronized Optional<StoredVolume> detachLater(String id, String serverId, Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.computeIfPresent(id, (k, v) -> v.withStatus("detaching",
                new PendingChange("available", now.plus(STEP), false, serverId), now)));
    }

    /** Ends every attachment at once (os-detach): the volume is available. */
    public synchronized Optional<StoredVolume> detachNow(String id, Instant now) {
        settle(now);
        return Optional.ofNullable(volumes.computeIfPresent(id,
                (k, v) -> v.withAttachments(List.of(), now).withStatus("available", null, now)));
    }

    /** The attachments of the project's volumes to {@code serverId}. */
    public synchronized List<VolumeAttachment> attachedTo(String serverId, Instant now) {
        settle(now);
        return volumes.values().stream().flatMap(v -> v.attachments().stream())
                .filter(a -> a.serverId().equals(serverId)).toList();
    }

    /** Starts deleting the volume (and with {@code cascade} its snapshots): deleting now, gone a {@link #STEP} later. */
    public synchronized void delete(String id, boolean cascade, Instant now) {
        settle(now);
        if (cascade) {
            snapshots.values().stream().filter(s -> s.volumeId().equals(id)).map(StoredSnapshot::id).toList()
                    .forEach(s -> deleteSnapshot(s, now));
        }
        volumes.computeIfPresent(id, (k, v) -> v.withStatus("deleting", PendingChange.removal(now.plus(STEP)), now));
    }

    public synchronized List<StoredSnapshot> snapshots(String project, Instant now) {
        settle(now);
        return snapshots.values().stream().filter(s -> s.project().equals(project)).toList();
    }

    public synchronized Optional<StoredSnapshot> snapshot(String project, String id, Instant now) {
        settle(now);
        return Optional.ofNullable(snapshots.get(id)).filter(s -> s.project().equals(project));
    }

    public synchronized List<StoredSnapshot> snapshotsOf(String volumeId, Instant now) {
        settle(now);
        return snapshots.values().stream().filter(s -> s.volumeId().equals(volumeId)).toList();
    }

    /** Adds a snapshot (creating: available a {@link #STEP} later). */
    public synchronized StoredSnapshot addSnapshot(StoredSnapshot snapshot) {
        snapshots.put(snapshot.id(), snapshot);
        return snapshot;
    }

    public synchronized Optional<StoredSnapshot> updateSnapshot(String id, UnaryOperator<StoredSnapshot> change,
            Instant now) {
        settle(now);
        return Optional.ofNullable(snapshots.computeIfPresent(id, (k, s) -> change.apply(s)));
    }

    /** Starts deleting the snapshot: deleting now, gone a {@link #STEP} later. */
    public synchronized void deleteSnapshot(String id, Instant now) {
        settle(now);
        snapshots.computeIfPresent(id, (k, s) -> s.withStatus("deleting", PendingChange.removal(now.plus(STEP)), now));
    }

    /** A new snapshot of {@code volume} by {@code userId}, in creating. */
    public static StoredSnapshot creatingSnapshot(String id, StoredVolume volume, String userId, String name,
            String description, Map<String, String> metadata, Instant now) {
        return new StoredSnapshot(id, volume.project(), userId, volume.id(), "creating", name, description, metadata,
                volume.size(), now, now, PendingChange.becomes("available", now.plus(STEP)));
    }

    /** A new volume in creating, available a {@link #STEP} later. */
    public static StoredVolume creatingVolume(String id, String project, String userId, VolumeAttributes attributes,
            int size, String availabilityZone, String volumeType, VolumeOrigin origin, Instant now) {
        return new StoredVolume(id, project, userId, "creating", attributes, size, availabilityZone, volumeType, origin,
                List.of(), now, now, PendingChange.becomes("available", now.plus(STEP)));
    }
}
