package org.stackratings.sandbox.state.image;

import java.time.Instant;

/** A project an image is shared with, and whether it accepted: {@code pending}, {@code accepted} or {@code rejected}. */
public record ImageMember(String imageId, String memberId, String status, Instant createdAt, Instant updatedAt) {
}
