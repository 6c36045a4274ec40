package org.stackratings.sandbox.hostile;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** The bytes hostile answers are made of (docs/sandbox.md, "Hostile clouds", lists them). */
public final class HostileDocuments {

    /** The page of {@code not-json}. */
    public static final String HTML = "<!DOCTYPE html>\n<html><head><title>Service Temporarily Unavailable</title></head>"
            + "<body><h1>Down for maintenance</h1><p>This cloud will be back soon.</p></body></html>\n";
    /** One element of the list an endless or trickling document repeats forever. */
    public static final String ITEM = "{\"id\": \"endless\", \"name\": \"endless\"}, ";
    /** Headers {@code huge-headers} adds, and the length of each value. */
    public static final int HUGE_HEADER_COUNT = 256;
    public static final int HUGE_HEADER_VALUE_LENGTH = 4096;
    public static final String HUGE_HEADER_PREFIX = "X-Hostile-Padding-";

    private HostileDocuments() {
    }

    /** Where an endless or trickling document of {@code service} starts: an object with a list that never closes. */
    public static String endlessStart(String service) {
        return switch (service) {
            case "identity" -> "{\"token\": {\"catalog\": [";
            case "compute" -> "{\"flavors\": [";
            case "image" -> "{\"images\": [";
            case "network" -> "{\"networks\": [";
            default -> "{\"volumes\": [";
        };
    }

    /** The document {@code truncated-json} sends for {@code service}: it stops in the middle of a value. */
    public static String truncated(String service) {
        return switch (service) {
            case "identity" -> "{\"token\": {\"methods\": [\"password\"], \"expires_at\": \"20";
            case "compute" -> "{\"flavors\": [{\"id\": \"1\", \"na";
            case "image" -> "{\"images\": [{\"id\": \"";
            case "network" -> "{\"networks\": [{\"id\": \"";
            default -> "{\"volumes\": [{\"id\": \"";
        };
    }

    /** The value of every header {@code huge-headers} adds. */
    public static String hugeHeaderValue() {
        return "x".repeat(HUGE_HEADER_VALUE_LENGTH);
    }

    static Buffer bytes(String text) {
        return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
