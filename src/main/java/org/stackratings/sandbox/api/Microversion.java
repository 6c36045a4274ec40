package org.stackratings.sandbox.api;

import java.util.Locale;
import java.util.Optional;

/** An OpenStack API microversion such as {@code 2.79}, read from {@code OpenStack-API-Version} style headers. */
public record Microversion(int major, int minor) implements Comparable<Microversion> {

    public static Microversion of(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a microversion: " + text);
        }
        return new Microversion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /**
     * The version asked for {@code serviceType} in an {@code OpenStack-API-Version} header value
     * ({@code "compute 2.79, volume 3.59"}), if any. {@code latest} gives {@code max}.
     */
    public static Optional<Microversion> requested(String header, String serviceType, Microversion max) {
        if (header == null) {
            return Optional.empty();
        }
        for (String item : header.split(",")) {
            String[] words = item.trim().split("\\s+");
            if (words.length == 2 && words[0].toLowerCase(Locale.ROOT).equals(serviceType)) {
                return Optional.of(parse(words[1], max));
            }
        }
        return Optional.empty();
    }

    /** Parses a bare version or {@code latest}. */
    public static Microversion parse(String value, Microversion max) {
        return "latest".equalsIgnoreCase(value.trim()) ? max : of(value);
    }

    public boolean atLeast(int majorVersion, int minorVersion) {
        return compareTo(new Microversion(majorVersion, minorVersion)) >= 0;
    }

    public boolean within(Microversion min, Microversion max) {
        return compareTo(min) >= 0 && compareTo(max) <= 0;
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
