package org.stackratings.sandbox.state.image;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.stackratings.sandbox.state.CloudInventory;

/** The seeded images of a {@link CloudInventory} as Glance holds them: public, active, with size and hashes. */
final class SeededImages {

    private SeededImages() {
    }

    static StoredImage stored(CloudInventory.Image image, String owner) {
        byte[] seed = image.id().getBytes(StandardCharsets.UTF_8);
        ImageContent content = new ImageContent(image.sizeBytes(), image.sizeBytes() * 4,
                ImageHashes.hex("MD5", seed), "sha512", ImageHashes.hex("SHA-512", seed));
        ImageAttributes attributes = new ImageAttributes(image.name(), image.visibility(), false, false,
                image.diskFormat(), "bare", image.minDiskGb(), image.minRamMb(), List.of(),
                Map.of("os_distro", image.osDistro()));
        Instant created = Instant.parse(CloudInventory.CREATED_AT);
        return new StoredImage(image.id(), owner, "active", attributes, content, created, created);
    }
}
