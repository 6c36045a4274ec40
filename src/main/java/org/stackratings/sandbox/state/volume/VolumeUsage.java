package org.stackratings.sandbox.state.volume;

/** What one project uses of its volume quota: volumes, gigabytes of volumes and snapshots, snapshots. */
public record VolumeUsage(int volumes, int gigabytes, int snapshots) {
}
