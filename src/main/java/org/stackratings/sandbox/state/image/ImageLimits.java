package org.stackratings.sandbox.state.image;

/**
 * Glance's unified limits for a project ({@code image_count_total}, {@code image_size_total}) and its member quota
 * ({@code image_member_quota}), as this sandbox sets them for every cloud. The size limit also bounds the memory the
 * cloud's image data takes.
 */
public record ImageLimits(int imageCountTotal, long imageSizeTotalBytes, int imageMemberQuota, int imageTagQuota,
        int imagePropertyQuota) {

    /** 100 images, 16 MiB of data, 128 members, tags and properties per image (Glance's own defaults for the last three). */
    public static final ImageLimits DEFAULT = new ImageLimits(100, 16L * 1024 * 1024, 128, 128, 128);
}
