package org.stackratings.sandbox.state.volume;

import java.time.Instant;
import java.util.Optional;

/**
 * Cinder's quota check before volumes or snapshots are made (by Cinder's API or by Nova's block device mappings):
 * the reason of the refusal, in Cinder's words, when the project would go over its {@link VolumeQuota}.
 */
public final class VolumeQuotaCheck {

    private VolumeQuotaCheck() {
    }

    /** Why adding {@code volumes} volumes, {@code snapshots} snapshots and {@code gigabytes} GiB is refused. */
    public static Optional<String> refusal(VolumeStore store, String project, Instant now, int volumes, int snapshots,
            int gigabytes) {
        VolumeQuota quota = store.quota();
        VolumeUsage usage = store.usage(project, now);
        if (volumes > 0 && quota.perVolumeGigabytes() >= 0 && gigabytes > quota.perVolumeGigabytes()) {
            return Optional.of("VolumeSizeExceedsLimit: Requested volume size " + gigabytes
                    + "G is larger than maximum allowed limit " + quota.perVolumeGigabytes() + "G.");
        }
        if (quota.gigabytes() >= 0 && usage.gigabytes() + gigabytes > quota.gigabytes()) {
            return Optional.of("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed"
                    + " gigabytes quota. Requested " + gigabytes + "G, quota is " + quota.gigabytes() + "G and "
                    + usage.gigabytes() + "G has been consumed.");
        }
        if (volumes > 0 && quota.volumes() >= 0 && usage.volumes() + volumes > quota.volumes()) {
            return Optional.of("VolumeLimitExceeded: Maximum number of volumes allowed (" + quota.volumes()
                    + ") exceeded for quota 'volumes'.");
        }
        if (snapshots > 0 && quota.snapshots() >= 0 && usage.snapshots() + snapshots > quota.snapshots()) {
            return Optional.of("SnapshotLimitExceeded: Maximum number of snapshots allowed (" + quota.snapshots()
                    + ") exceeded");
        }
        return Optional.empty();
    }

    /** Why growing a volume to {@code newSize} GiB ({@code increase} more) is refused (Cinder's 413). */
    public static Optional<String> extension(VolumeStore store, String project, Instant now, int newSize,
            int increase) {
        VolumeQuota quota = store.quota();
        if (quota.perVolumeGigabytes() >= 0 && newSize > quota.perVolumeGigabytes()) {
            return Optional.of("VolumeSizeExceedsLimit: Requested volume size " + newSize
                    + "G is larger than maximum allowed limit " + quota.perVolumeGigabytes() + "G.");
        }
        return refusal(store, project, now, 0, 0, increase);
    }
}
