package org.stackratings.sandbox.api.compute.servers.boot;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.image.ImageStore;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * Nova's check of the image a server boots from, in Nova's order: one of the cloud's Glance images the project sees,
 * active, whose minimum RAM and disk the flavor meets and whose data fits the flavor's disk (a flavor of disk 0 is
 * not checked for disk, as Nova does for it); for a volume made of the image, only the RAM.
 */
public final class BootImage {

    private BootImage() {
    }

    /** The image {@code imageId}, checked for a boot with {@code flavor}; a {@link NovaRefusal} (400) if not. */
    public static StoredImage check(ApiRequest req, String imageId, CloudInventory.Flavor flavor) {
        StoredImage image = checkForVolume(req, imageId, flavor);
        if (flavor.diskGb() > 0) {
            if (image.attributes().minDisk() > flavor.diskGb()) {
                throw new NovaRefusal(400, "Flavor's disk is too small for requested image.");
            }
            long diskBytes = (long) flavor.diskGb() << 30;
            if (image.content() != null && image.content().size() > diskBytes) {
                throw new NovaRefusal(400, "Flavor's disk is too small for requested image. Flavor disk is "
                        + diskBytes + " bytes, image is " + image.content().size() + " bytes.");
            }
        }
        return image;
    }

    /**
     * The image {@code imageId}, checked for a boot with {@code flavor} from a volume Nova makes of it: visible,
     * active and within the flavor's RAM (the volume's size, not the flavor's disk, holds the image).
     */
    public static StoredImage checkForVolume(ApiRequest req, String imageId, CloudInventory.Flavor flavor) {
        ImageStore images = req.cloud().images();
        String project = req.token() == null || req.token().projectId() == null
                ? req.profile().project().id() : req.token().projectId();
        StoredImage image = images.find(imageId).filter(i -> images.visibleTo(i, project))
                .orElseThrow(() -> new NovaRefusal(400, "Can not find requested image"));
        if (!"active".equals(image.status())) {
            throw new NovaRefusal(400, "Image " + imageId + " is not active.");
        }
        if (image.attributes().minRam() > flavor.ramMb()) {
            throw new NovaRefusal(400, "Flavor's memory is too small for requested image.");
        }
        return image;
    }
}
