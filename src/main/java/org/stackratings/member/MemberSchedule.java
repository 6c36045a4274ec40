package org.stackratings.member;

import java.time.Duration;

/** When a member's probes should run. */
public record MemberSchedule(String slug, boolean apiEnabled, Duration apiInterval) {
}
