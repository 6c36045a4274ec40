package org.stackratings.sandbox.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A time when some services of a cloud fail. Either absolute ({@code start}..{@code end}, end exclusive) or recurring
 * ({@code every}, {@code offset}, {@code duration}), aligned to the Unix epoch: active when
 * {@code (t - offset) mod every < duration}. An empty {@code services} list means all services.
 */
public record OutageWindow(Instant start, Instant end, Duration every, Duration offset, Duration duration,
        List<String> services, FaultMode mode) {

    public OutageWindow {
        services = services == null ? List.of() : List.copyOf(services);
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        boolean absolute = start != null || end != null;
        boolean recurring = every != null || duration != null;
        if (absolute == recurring) {
            throw new IllegalArgumentException("give either start/end or every/duration");
        }
        if (absolute && (start == null || end == null || !end.isAfter(start))) {
            throw new IllegalArgumentException("an absolute window needs start < end");
        }
        if (recurring) {
            if (every == null || duration == null || every.isNegative() || every.isZero()
                    || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a recurring window needs positive every and duration");
            }
            if (duration.compareTo(every) > 0) {
                throw new IllegalArgumentException("duration must not exceed every");
            }
            offset = offset == null ? Duration.ZERO : offset;
        }
    }

    public static OutageWindow absolute(Instant start, Instant end, FaultMode mode, List<String> services) {
        return new OutageWindow(start, end, null, null, null, services, mode);
    }

    public static OutageWindow recurring(Duration every, Duration offset, Duration duration, FaultMode mode,
            List<String> services) {
        return new OutageWindow(null, null, every, offset, duration, services, mode);
    }

    public boolean isRecurring() {
        return every != null;
    }

    /** Whether the window is active at {@code now} for {@code service}. */
    public boolean affects(String service, Instant now) {
        return (services.isEmpty() || services.contains(service)) && activeAt(now);
    }

    public boolean activeAt(Instant now) {
        if (!isRecurring()) {
            return !now.isBefore(start) && now.isBefore(end);
        }
        long period = every.toMillis();
        long phase = Math.floorMod(now.toEpochMilli() - offset.toMillis(), period);
        return phase < duration.toMillis();
    }
}
