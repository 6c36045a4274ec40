package org.stackratings.sandbox.state.image;

import java.time.Clock;
import java.time.Duration;
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
    private final Map<String, PendingSnapshot> snapshots = new LinkedHashMap<>();
    private final ImageLimits limits;
    private final Clock clock;

    /** A snapshot on its way: {@code queued}, then {@code saving} from {@code savingAt}, {@code active} at the end. */
    private record PendingSnapshot(Instant savingAt, Instant activeAt, ImageContent content) {
    }

    public ImageStore(List<StoredImage> initial, ImageLimits limits) {
        this(initial, limits, Clock.systemUTC());
    }

    /** A store whose snapshots ({@link #snapshot}) progress on {@code clock}. */
    public ImageStore(List<StoredImage> initial, ImageLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        initial.forEach(i -> images.put(i.id(), i));
    }

    /** A store holding the seeded images of {@code inventory}, owned by {@code seedOwner}. */
    public static ImageStore seeded(CloudInventory inventory, String seedOwner) {
        return seeded(inventory, seedOwner, Clock.systemUTC());
    }

    /** A store holding the seeded images of {@code inventory}, its snapshots following {@code clock}. */
    public static ImageStore seeded(CloudInventory inventory, String seedOwner, Clock clock) {
        return new ImageStore(inventory.images().stream().map(i -> SeededImages.stored(i, seedOwner)).toList(),
                ImageLimits.DEFAULT, clock);
    }

    /**
     * Adds the image of a server snapshot, {@code queued}: it is {@code saving} after half of {@code time} and
     * {@code active} with {@code content} (its data not held) when {@code time} has passed on the store's clock.
     * Empty when the owner holds {@link ImageLimits#imageCountTotal()} images already.
     */
    public synchronized Optional<StoredImage> snapshot(StoredImage queued, ImageContent content, Duration time) {
        Optional<StoredImage> added = add(queued);
        Instant now = clock.instant();
        added.ifPresent(i -> snapshots.put(i.id(), new PendingSnapshot(now.plus(time.dividedBy(2)), now.plus(time),
                content)));
        return added;
    }

    /** Moves the snapshots under way to the status they have now. */
    private void settle() {
        if (snapshots.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        snapshots.entrySet().removeIf(e -> {
            StoredImage image = images.get(e.getKey());
            if (image == null) {
                return true;
            }
            PendingSnapshot p = e.getValue();
            if (!now.isBefore(p.activeAt())) {
                images.put(image.id(), image.withContent(p.content(), p.activeAt()));
                return true;
            }
            if (!now.isBefore(p.savingAt()) && "queued".equals(image.status())) {
                images.put(image.id(), image.withStatus("saving", p.savingAt()));
            }
            return false;
        });
    }

    /**
     * Whether {@code project} sees the image under Glance's default policy: its own, public and community images
     * and the shared ones it is a member of.
     */
    public synchronized boolean visibleTo(StoredImage image, String project) {
        String visibility = image.attributes().visibility();
        return project.equals(image.owner()) || "public".equals(visibility) || "community".equals(visibility)
                || "shared".equals(visibility) && members.getOrDefault(image.id(), Map.of()).containsKey(project);
    }

    public ImageLimits limits() {
        return limits;
    }

    public synchronized Optional<StoredImage> find(String id) {
        settle();
        return Optional.ofNullable(images.get(id));
    }

    /** Every image, oldest first. */
    public synchronized List<StoredImage> list() {
        settle();
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
        settle();
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
        settle();
        return Optional.ofNullable(images.computeIfPresent(id, (k, i) -> i.withAttributes(attributes, now)));
    }

    /** Sets the status; empty when the image is gone. */
    public synchronized Optional<StoredImage> setStatus(String id, String status, Instant now) {
        settle();
        return Optional.ofNullable(images.computeIfPresent(id, (k, i) -> i.withStatus(status, now)));
    }

    /** Stores the data of a queued image, which becomes active with its size and hashes. */
    public synchronized Upload upload(String id, byte[] bytes, Instant now) {
        settle();
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
        settle();
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
