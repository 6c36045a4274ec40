package org.stackratings.sandbox.state.volume;

import java.util.Map;

/**
 * What a volume's owner may write: name, description, metadata (string to string), the bootable flag, the read-only
 * flag (Cinder's admin metadata {@code readonly}: null until an os-update_readonly_flag or os-attach sets it, shown in
 * the metadata from then on) and the image metadata Cinder copied from the image the volume was made of.
 */
public record VolumeAttributes(String name, String description, Map<String, String> metadata, boolean bootable,
        Boolean readOnly, Map<String, String> imageMetadata) {

    public VolumeAttributes {
        metadata = Map.copyOf(metadata);
        imageMetadata = Map.copyOf(imageMetadata);
    }

    public VolumeAttributes withName(String changed) {
        return new VolumeAttributes(changed, description, metadata, bootable, readOnly, imageMetadata);
    }

    public VolumeAttributes withDescription(String changed) {
        return new VolumeAttributes(name, changed, metadata, bootable, readOnly, imageMetadata);
    }

    public VolumeAttributes withMetadata(Map<String, String> changed) {
        return new VolumeAttributes(name, description, changed, bootable, readOnly, imageMetadata);
    }

    public VolumeAttributes withBootable(boolean changed) {
        return new VolumeAttributes(name, description, metadata, changed, readOnly, imageMetadata);
    }

    public VolumeAttributes withReadOnly(boolean changed) {
        return new VolumeAttributes(name, description, metadata, bootable, changed, imageMetadata);
    }

    public VolumeAttributes withImageMetadata(Map<String, String> changed) {
        return new VolumeAttributes(name, description, metadata, bootable, readOnly, changed);
    }
}
