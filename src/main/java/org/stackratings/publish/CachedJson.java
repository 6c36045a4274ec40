package org.stackratings.publish;

import jakarta.ws.rs.core.EntityTag;

/** A response body serialised once, with the strong entity tag derived from its bytes. */
public record CachedJson(byte[] body, EntityTag etag) {
}
