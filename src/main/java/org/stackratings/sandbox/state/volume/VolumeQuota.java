package org.stackratings.sandbox.state.volume;

/**
 * The limits of Cinder's default quota class for one project (-1: unlimited): volumes, gigabytes (of volumes and
 * snapshots together), snapshots, the size of one volume, backups and groups.
 */
public record VolumeQuota(int volumes, int gigabytes, int snapshots, int perVolumeGigabytes, int backups,
        int backupGigabytes, int groups) {

    /** Cinder's defaults (cinder.conf quota_* options) but for a smaller gigabyte total, as a small cloud has. */
    public static final VolumeQuota DEFAULT = new VolumeQuota(10, 1000, 10, -1, 10, 1000, 10);
}
