package org.stackratings.sandbox.state.volume;

/** What a volume was made from: a snapshot, another volume (a clone) or an image; all null for an empty volume. */
public record VolumeOrigin(String snapshotId, String sourceVolid, String imageId) {

    public static final VolumeOrigin EMPTY = new VolumeOrigin(null, null, null);
}
