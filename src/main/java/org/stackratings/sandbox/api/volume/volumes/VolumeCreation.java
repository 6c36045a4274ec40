package org.stackratings.sandbox.api.volume.volumes;

import java.util.Map;
import java.util.Optional;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.image.StoredImage;
import org.stackratings.sandbox.state.volume.ImageCopy;
import org.stackratings.sandbox.state.volume.StoredSnapshot;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttributes;
import org.stackratings.sandbox.state.volume.VolumeOrigin;

/**
 * What a create request makes once its origin is resolved: the size (at least that of the snapshot, source volume
 * or image), the attributes (bootable with the image's metadata when made of an image, copied from the source) and
 * the origin. {@code status} and {@code error}: the refusal (400 or 404) when the origin is unusable.
 */
record VolumeCreation(int size, VolumeAttributes attributes, VolumeOrigin origin, int status, String error) {

    static VolumeCreation resolve(ApiRequest req, VolumeCreateRequest create) {
        VolumeAttributes plain = new VolumeAttributes(create.name(), create.description(), create.metadata(), false,
                null, Map.of());
        String project = CinderScope.project(req);
        if (create.snapshotId() != null) {
            Optional<StoredSnapshot> snapshot = req.cloud().volumes().snapshot(project, create.snapshotId(),
                    req.now());
            if (snapshot.isEmpty()) {
                return refused(404, "Snapshot " + create.snapshotId() + " could not be found.");
            }
            if (!"available".equals(snapshot.get().status())) {
                return refused(400, "Invalid snapshot: Originating snapshot status must be one of 'available'"
                        + " values");
            }
            return sized(create, snapshot.get().size(), "snapshot", plain,
                    new VolumeOrigin(snapshot.get().id(), null, null));
        }
        if (create.sourceVolid() != null) {
            Optional<StoredVolume> source = req.cloud().volumes().volume(project, create.sourceVolid(), req.now());
            if (source.isEmpty()) {
                return refused(404, "Volume " + create.sourceVolid() + " could not be found.");
            }
            if (!"available".equals(source.get().status()) && !"in-use".equals(source.get().status())) {
                return refused(400, "Invalid volume: Volume status must be available or in-use (is "
                        + source.get().status() + ").");
            }
            VolumeAttributes copied = plain.withBootable(source.get().bootable())
                    .withImageMetadata(source.get().attributes().imageMetadata());
            return sized(create, source.get().size(), "source volume", copied,
                    new VolumeOrigin(null, source.get().id(), null));
        }
        if (create.imageRef() != null) {
            Optional<StoredImage> image = req.cloud().images().find(create.imageRef())
                    .filter(i -> "public".equals(i.attributes().visibility()) || project.equals(i.owner())
                            || "community".equals(i.attributes().visibility()));
            if (image.isEmpty() || !"active".equals(image.get().status())) {
                return refused(400, "Invalid image identifier or unable to access requested image.");
            }
            StoredImage i = image.get();
            return sized(create, ImageCopy.leastSize(i), "image", ImageCopy.attributes(i, plain),
                    new VolumeOrigin(null, null, i.id()));
        }
        return new VolumeCreation(create.size(), plain, VolumeOrigin.EMPTY, 202, null);
    }

    private static VolumeCreation sized(VolumeCreateRequest create, int least, String what,
            VolumeAttributes attributes, VolumeOrigin origin) {
        int size = create.size() == null ? least : create.size();
        if (size < least) {
            String message = "image".equals(what)
                    ? "Invalid input received: Size of specified image " + least
                            + "GB is larger than volume size " + size + "GB."
                    : "Invalid input received: Volume size '" + size + "' must be an integer and greater than 0"
                            + " and at least the size of the " + what + " (" + least + "GB).";
            return refused(400, message);
        }
        return new VolumeCreation(size, attributes, origin, 202, null);
    }

    private static VolumeCreation refused(int status, String error) {
        return new VolumeCreation(0, null, null, status, error);
    }
}
