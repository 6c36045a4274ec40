package org.stackratings.sandbox.state.image;

import java.time.Instant;

/**
 * One image of a cloud's Glance: id, owning project, status ({@code queued}, {@code active}, {@code deactivated}),
 * the writable attributes, the content (null until data is uploaded) and its times.
 */
public record StoredImage(String id, String owner, String status, ImageAttributes attributes, ImageContent content,
        Instant createdAt, Instant updatedAt) {

    StoredImage withAttributes(ImageAttributes changed, Instant now) {
        return new StoredImage(id, owner, status, changed, content, createdAt, now);
    }

    StoredImage withStatus(String changed, Instant now) {
        return new StoredImage(id, owner, changed, attributes, content, createdAt, now);
    }

    StoredImage withContent(ImageContent uploaded, Instant now) {
        return new StoredImage(id, owner, "active", attributes, uploaded, createdAt, now);
    }
}
