package org.stackratings.sandbox.state.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * The images of one cloud's Glance, their data (held in memory, so bounded by {@link ImageLimits}) and their members.
 * The seeded images of {@link CloudInventory} are the initial content: public, owned by the cloud's admin project,
 * active, their data not held (a download of one answers as Glance does when its store has no data). Kept when the
 * cloud's profile is replaced.
 */
public final class ImageStore {

    /** How an upload ended. */
    public enum Upload { STORED, NOT_QUEUED, OVER_QUOTA, GONE }

    private final Map<String, StoredImage> images = new LinkedHashMap<>();
    private final Map<String, byte[]> data = new LinkedHashMap<>();
    private final Map<String, Map<String, ImageMember>> members = new LinkedHashMap<>();
    private final ImageLimits limits;

    public ImageStore(List<StoredImage> initial, ImageLimits limits) {
        this.limits = limits;
        initial.forEach(i -> images.put(i.id(), i));
    }

    /** A store holding the seeded images of {@code inventory}, owned by {@code seedOwner}. */
    public static ImageStore seeded(CloudInventory inventory, String seedOwner) {
        return new ImageStore(inventory.images().stream().map(i -> SeededImages.stored(i, seedOwner)).toList(),
                ImageLimits.DEFAULT);
    }

    public ImageLimits limits() {
        return limits;
    }

    public synchronized Optional<StoredImage> find(String id) {
        return Optional.ofNullable(images.get(id));
    }

    /** Every image, oldest first. */
    public synchronized List<StoredImage> list() {
        return new ArrayList<>(images.values());
    }

    /** Adds an image; empty when its id is taken or its owner holds {@link ImageLimits#imageCountTotal()} images. */
    public synchronized Optional<StoredImage> add(StoredImage image) {
        if (images.containsKey(image.id()) || countOwnedBy(image.owner()) >= limits.imageCountTotal()) {
            return Optional.empty();
        }
        images.put(image.id(), image);
        return Optional.of(image);
    }

    public synchronized boolean has(String id) {
        return images.containsKey(id);
    }

    public synchronized int countOwnedBy(String project) {
        return (int) images.values().stream().filter(i -> project.equals(i.owner())).count();
    }

    /** The bytes of image data the project's images hold in this store. */
    public synchronized long storedBytes(String project) {
        return images.values().stream().filter(i -> project.equals(i.owner()) && data.containsKey(i.id()))
                .mapToLong(i -> data.get(i.id()).length).sum();
    }

    /** Writes new attributes; empty when the image is gone. */
    public synchronized Optional<StoredImage> update(String id, ImageAttributes attributes, Instant now) {
        return Optional.ofNullable(images.computeIfPresent(id, (k, i) -> i.withAttributes(attributes, now)));
    }

    /** Sets the status; empty when the image is gone. */
    public synchronized Optional<StoredImage> setStatus(String id, String status, Instant now) {
        return Optional.ofNullable(images.computeIfPresent(id, (k, i) -> i.withStatus(status, now)));
    }

    /** Stores the data of a queued image, which becomes active with its size and hashes. */
    public synchronized Upload upload(String id, byte[] bytes, Instant now) {
        StoredImage image = images.get(id);
        if (image == null) {
            return Upload.GONE;
        }
        if (!"queued".equals(image.status())) {
            return Upload.NOT_QUEUED;
        }
        if (storedBytes(image.owner()) + bytes.length > limits.imageSizeTotalBytes()) {
            return Upload.OVER_QUOTA;
        }
        data.put(id, bytes.clone());
        images.put(id, image.withContent(ImageHashes.of(bytes), now));
        return Upload.STORED;
    }

    /** The image's data, if this store holds it. */
    public synchronized Optional<byte[]> data(String id) {
        return Optional.ofNullable(data.get(id)).map(byte[]::clone);
    }

    public synchronized boolean remove(String id) {
        data.remove(id);
        members.remove(id);
        return images.remove(id) != null;
    }

    /** Adds a pending member; empty when it is one already. */
    public synchronized Optional<ImageMember> addMember(String imageId, String memberId, Instant now) {
        Map<String, ImageMember> own = members.computeIfAbsent(imageId, k -> new LinkedHashMap<>());
        if (own.containsKey(memberId)) {
            return Optional.empty();
        }
        ImageMember member = new ImageMember(imageId, memberId, "pending", now, now);
        own.put(memberId, member);
        return Optional.of(member);
    }

    public synchronized List<ImageMember> members(String imageId) {
        return new ArrayList<>(members.getOrDefault(imageId, Map.of()).values());
    }

    public synchronized Optional<ImageMember> member(String imageId, String memberId) {
        return Optional.ofNullable(members.getOrDefault(imageId, Map.of()).get(memberId));
    }

    /** Sets a member's status; empty when it is no member. */
    public synchronized Optional<ImageMember> setMemberStatus(String imageId, String memberId, String status,
            Instant now) {
        Map<String, ImageMember> own = members.get(imageId);
        if (own == null || !own.containsKey(memberId)) {
            return Optional.empty();
        }
        ImageMember changed = new ImageMember(imageId, memberId, status, own.get(memberId).createdAt(), now);
        own.put(memberId, changed);
        return Optional.of(changed);
    }

    public synchronized boolean removeMember(String imageId, String memberId) {
        Map<String, ImageMember> own = members.get(imageId);
        return own != null && own.remove(memberId) != null;
    }

    /**
     * The image Nova may boot: an active image as the inventory's record (size, minimum disk and RAM), or empty when
     * the image is unknown or not active.
     */
    public synchronized Optional<CloudInventory.Image> bootable(String id) {
        StoredImage image = images.get(id);
        if (image == null || !"active".equals(image.status())) {
            return Optional.empty();
        }
        ImageAttributes a = image.attributes();
        return Optional.of(new CloudInventory.Image(image.id(), a.name(), a.visibility(), a.diskFormat(),
                image.content() == null ? 0 : image.content().size(), a.minDisk(), a.minRam(),
                a.properties().get("os_distro")));
    }
}
