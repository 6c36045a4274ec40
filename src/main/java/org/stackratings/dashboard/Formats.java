package org.stackratings.dashboard;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How templates show instants and numbers: UTC to the minute, fixed decimals. */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static String utc(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    static String fixed1(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String fixed2(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f %%", share * 100.0);
    }

    static String lower(Enum<?> value) {
        return value == null ? "—" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
