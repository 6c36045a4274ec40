package org.stackratings.sandbox.api.compute.servers.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.ServerFields;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.image.StoredImage;
import org.stackratings.sandbox.state.volume.ImageCopy;
import org.stackratings.sandbox.state.volume.StoredSnapshot;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttachment;
import org.stackratings.sandbox.state.volume.VolumeAttributes;
import org.stackratings.sandbox.state.volume.VolumeOrigin;
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.state.volume.VolumeStore;
import org.stackratings.sandbox.state.volume.VolumeTypes;

/**
 * The disks a server create asks for, checked as Nova's compute API checks them before it schedules: the image it
 * boots from ({@code imageId}; empty for a server booted from a volume, as Nova shows it) and the Cinder volumes of
 * its {@code block_device_mapping_v2} ({@code volumes}: an existing volume of the project, or one Nova makes from an
 * image, a snapshot or nothing). The boot volume is attached as {@code /dev/vda} (Nova's libvirt driver ignores
 * requested device names), the others from {@code /dev/vdb} on; each keeps its {@code delete_on_termination}.
 */
public record BootDisks(String imageId, List<BlockDevice> volumes) {

    /** The root device of a server booted from a volume. */
    public static final String ROOT_DEVICE = "/dev/vda";

    public BootDisks {
        volumes = List.copyOf(volumes);
    }

    /**
     * The disks of {@code imageRef} (the request's value, absent or empty when a mapping boots the server) and
     * {@code devices}, for {@code count} servers of {@code flavor}; a {@link NovaRefusal} (400) for the first thing
     * Nova refuses.
     */
    public static BootDisks plan(ApiRequest req, Object imageRef, List<BlockDevice> devices,
            CloudInventory.Flavor flavor, int count) {
        boolean noImage = imageRef == null || "".equals(imageRef);
        if (noImage && devices.isEmpty()) {
            throw new NovaRefusal(400, "Missing imageRef attribute");
        }
        String imageId = noImage ? "" : ServerFields.reference(imageRef, "imageRef");
        checkBootSequence(devices, noImage);
        List<BlockDevice> volumes = new ArrayList<>();
        for (BlockDevice device : devices) {
            if (!device.toVolume()) {
                imageId = local(req, device, imageId);
                continue;
            }
            checkVolumeSource(req, device, flavor, count);
            volumes.add(device);
        }
        if (!imageId.isEmpty() && volumes.stream().noneMatch(BlockDevice::boots)) {
            BootImage.check(req, imageId, flavor);
        }
        if (volumes.stream().anyMatch(BlockDevice::boots)) {
            imageId = "";
        }
        checkQuota(req, volumes, count);
        return new BootDisks(imageId, volumes);
    }

    /** Makes the volumes Nova makes for server {@code serverId} and attaches every volume of the mapping to it. */
    public void attach(ApiRequest req, String serverId) {
        VolumeStore store = req.cloud().volumes();
        char next = 'b';
        for (BlockDevice device : volumes) {
            String volumeId = "volume".equals(device.sourceType()) ? device.uuid() : create(req, device).id();
            String name = device.boots() ? ROOT_DEVICE : "/dev/vd" + next++;
            store.attach(new VolumeAttachment(UUID.randomUUID().toString(), volumeId, serverId, name, req.now(), true,
                    device.deleteOnTermination()), "attaching", "in-use", req.now());
        }
    }

    private static StoredVolume create(ApiRequest req, BlockDevice device) {
        VolumeAttributes plain = new VolumeAttributes("", null, Map.of(), false, false, Map.of());
        VolumeStore store = req.cloud().volumes();
        String project = req.token().projectId();
        VolumeAttributes attributes = plain;
        VolumeOrigin origin = VolumeOrigin.EMPTY;
        if ("image".equals(device.sourceType())) {
            attributes = ImageCopy.attributes(req.cloud().images().find(device.uuid()).orElseThrow(), plain);
            origin = new VolumeOrigin(null, null, device.uuid());
        } else if ("snapshot".equals(device.sourceType())) {
            StoredSnapshot snapshot = store.snapshot(project, device.uuid(), req.now()).orElseThrow();
            boolean bootable = store.volume(project, snapshot.volumeId(), req.now()).map(StoredVolume::bootable)
                    .orElse(false);
            attributes = plain.withBootable(bootable);
            origin = new VolumeOrigin(snapshot.id(), null, null);
        }
        return store.add(VolumeStore.creatingVolume(UUID.randomUUID().toString(), project, req.token().user().id(),
                attributes, size(req, device), "nova", VolumeTypes.DEFAULT_NAME, origin, req.now()));
    }

    /** The size of the volume Nova makes for {@code device}: its {@code volume_size}, or the snapshot's. */
    private static int size(ApiRequest req, BlockDevice device) {
        if (device.volumeSize() != null) {
            return device.volumeSize();
        }
        return req.cloud().volumes().snapshot(req.token().projectId(), device.uuid(), req.now())
                .map(StoredSnapshot::size).orElse(1);
    }

    /** Boot indexes must run 0, 1, 2... and, without an image, one device must boot. */
    private static void checkBootSequence(List<BlockDevice> devices, boolean noImage) {
        List<Integer> indexes = devices.stream().map(BlockDevice::bootIndex).filter(i -> i != null && i >= 0)
                .sorted().toList();
        boolean contiguous = true;
        for (int i = 0; i < indexes.size(); i++) {
            contiguous &= indexes.get(i) == i;
        }
        if (!contiguous || (noImage && indexes.isEmpty())) {
            throw BlockDevice.invalidFormat("Boot sequence for the instance and image/block device mapping"
                    + " combination is not valid.");
        }
    }

    /** A disk of the hypervisor: the image booted (source image, boot index 0) or a blank ephemeral or swap disk. */
    private static String local(ApiRequest req, BlockDevice device, String imageId) {
        if ("blank".equals(device.sourceType())) {
            return imageId;
        }
        if (!"image".equals(device.sourceType()) || !device.boots()) {
            throw BlockDevice.invalidFormat("Mapping " + device.sourceType() + " to local is not supported.");
        }
        if (!imageId.isEmpty() && !imageId.equals(device.uuid())) {
            throw BlockDevice.invalidFormat("Boot sequence for the instance and image/block device mapping"
                    + " combination is not valid.");
        }
        return device.uuid();
    }

    private static void checkVolumeSource(ApiRequest req, BlockDevice device, CloudInventory.Flavor flavor,
            int count) {
        switch (device.sourceType()) {
            case "volume" -> checkExistingVolume(req, device, count);
            case "image" -> {
                requireSize(device, "Images with destination_type 'volume' need to have a non-zero size specified");
                StoredImage image = BootImage.checkForVolume(req, device.uuid(), flavor);
                if (device.volumeSize() < ImageCopy.leastSize(image)) {
                    throw new NovaRefusal(400, "Volume is smaller than the minimum size specified in image metadata."
                            + " Volume size is " + ((long) device.volumeSize() << 30) + " bytes, minimum size is "
                            + ((long) ImageCopy.leastSize(image) << 30) + " bytes.");
                }
            }
            case "blank" -> requireSize(device,
                    "Blank volumes (source: 'blank', dest: 'volume') need to have non-zero size");
            default -> {
                Optional<StoredSnapshot> snapshot = req.cloud().volumes().snapshot(req.token().projectId(),
                        device.uuid(), req.now());
                if (snapshot.isEmpty()) {
                    throw BlockDevice.invalidFormat("failed to get snapshot " + device.uuid() + ".");
                }
                if (!"available".equals(snapshot.get().status())) {
                    throw new NovaRefusal(400, "Invalid snapshot: snapshot " + device.uuid()
                            + " status must be 'available'");
                }
            }
        }
    }

    private static void checkExistingVolume(ApiRequest req, BlockDevice device, int count) {
        if (count > 1) {
            throw BlockDevice.invalidFormat("Cannot attach one or more volumes to multiple instances.");
        }
        Optional<StoredVolume> volume = req.cloud().volumes().volume(req.token().projectId(), device.uuid(),
                req.now());
        if (volume.isEmpty()) {
            throw BlockDevice.invalidFormat("failed to get volume " + device.uuid() + ".");
        }
        if (!"available".equals(volume.get().status())) {
            throw new NovaRefusal(400, "Invalid volume: volume '" + device.uuid() + "' status must be 'available'."
                    + " Currently in '" + volume.get().status() + "'");
        }
        if (device.boots() && !volume.get().bootable()) {
            throw new NovaRefusal(400, "Block Device " + device.uuid() + " is not bootable.");
        }
    }

    private static void requireSize(BlockDevice device, String message) {
        if (device.volumeSize() == null) {
            throw BlockDevice.invalidFormat(message);
        }
    }

    /** Cinder's quota for the volumes Nova makes (one set per server), refused up front with Cinder's reason. */
    private static void checkQuota(ApiRequest req, List<BlockDevice> volumes, int count) {
        List<BlockDevice> made = volumes.stream().filter(d -> !"volume".equals(d.sourceType())).toList();
        if (made.isEmpty()) {
            return;
        }
        int gigabytes = made.stream().mapToInt(d -> size(req, d)).sum() * count;
        VolumeQuotaCheck.refusal(req.cloud().volumes(), req.token().projectId(), req.now(), made.size() * count, 0,
                gigabytes).ifPresent(reason -> {
                    throw new NovaRefusal(403, "Quota exceeded for volumes: " + reason);
                });
    }
}
