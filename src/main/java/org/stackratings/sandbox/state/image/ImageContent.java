package org.stackratings.sandbox.state.image;

/** What Glance knows of an image's data once it is uploaded: its size and the hashes Glance computes over it. */
public record ImageContent(long size, Long virtualSize, String checksum, String osHashAlgo, String osHashValue) {
}
