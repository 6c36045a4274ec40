package org.stackratings.openstack.http;

/** Byte counts in words for messages: 4 MiB, 64 KiB, 512 bytes. */
final class Sizes {

    private Sizes() {
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
