package org.stackratings.sandbox.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The time stamps Nova and Cinder write from their databases: UTC with microseconds and no zone
 * ({@code 2026-12-04T13:05:00.000000}), as in instance actions, {@code OS-SRV-USG:launched_at} and Cinder's
 * {@code created_at}.
 */
public final class ServiceTime {

    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private ServiceTime() {
    }

    public static String format(Instant instant) {
        return MICROSECONDS.format(instant);
    }
}
