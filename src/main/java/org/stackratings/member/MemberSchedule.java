package org.stackratings.member;

import java.time.Duration;
import java.util.Optional;

/** When a member's probes should run; an empty interval means that probe is off. */
public record MemberSchedule(String slug, Optional<Duration> api, Optional<Duration> lifecycle, Optional<Duration> compliance) {

    /** The interval of a probe by its name ({@code api}, {@code lifecycle}, {@code compliance}). */
    public Optional<Duration> interval(String probe) {
        return switch (probe) {
            case "api" -> api;
            case "lifecycle" -> lifecycle;
            case "compliance" -> compliance;
            default -> Optional.empty();
        };
    }
}
