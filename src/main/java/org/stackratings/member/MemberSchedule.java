package org.stackratings.member;

import java.time.Duration;
import java.util.Optional;

/** When a member's probes should run; an empty interval means that probe is off. */
public record MemberSchedule(String slug, Optional<Duration> api, Optional<Duration> lifecycle, Optional<Duration> compliance,
                             Optional<Duration> conformance) {

    public MemberSchedule(String slug, Optional<Duration> api, Optional<Duration> lifecycle, Optional<Duration> compliance) {
        this(slug, api, lifecycle, compliance, Optional.empty());
    }

    /** The interval of a probe by its name ({@code api}, {@code lifecycle}, {@code compliance}, {@code conformance}). */
    public Optional<Duration> interval(String probe) {
        return switch (probe) {
            case "api" -> api;
            case "lifecycle" -> lifecycle;
            case "compliance" -> compliance;
            case "conformance" -> conformance;
            default -> Optional.empty();
        };
    }
}
