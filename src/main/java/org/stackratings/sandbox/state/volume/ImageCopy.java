package org.stackratings.sandbox.state.volume;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * What a volume made of a Glance image holds, by Cinder's rules: at least the image's {@code min_disk} and its data
 * (rounded up to whole GiB, 1 at least), bootable, with the image's properties and core fields copied into
 * {@code volume_image_metadata}. Cinder's volume create and Nova's block device mappings both make such volumes.
 */
public final class ImageCopy {

    private static final long GIB = 1L << 30;

    private ImageCopy() {
    }

    /** The least size in GiB of a volume holding {@code image}. */
    public static int leastSize(StoredImage image) {
        long bytes = image.content() == null ? 0 : image.content().size();
        return Math.max(1, Math.max(image.attributes().minDisk(), (int) ((bytes + GIB - 1) / GIB)));
    }

    /** {@code plain} made bootable with the metadata of {@code image}, for a volume made of it. */
    public static VolumeAttributes attributes(StoredImage image, VolumeAttributes plain) {
        return plain.withBootable(true).withImageMetadata(metadata(image));
    }

    private static Map<String, String> metadata(StoredImage i) {
        long bytes = i.content() == null ? 0 : i.content().size();
        Map<String, String> metadata = new LinkedHashMap<>(i.attributes().properties());
        metadata.put("image_id", i.id());
        if (i.attributes().name() != null) {
            metadata.put("image_name", i.attributes().name());
        }
        if (i.content() != null && i.content().checksum() != null) {
            metadata.put("checksum", i.content().checksum());
        }
        metadata.put("container_format", String.valueOf(i.attributes().containerFormat()));
        metadata.put("disk_format", String.valueOf(i.attributes().diskFormat()));
        metadata.put("min_disk", String.valueOf(i.attributes().minDisk()));
        metadata.put("min_ram", String.valueOf(i.attributes().minRam()));
        metadata.put("size", String.valueOf(bytes));
        return metadata;
    }
}
