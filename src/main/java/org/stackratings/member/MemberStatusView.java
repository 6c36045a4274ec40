package org.stackratings.member;

import java.time.Duration;
import java.time.Instant;

/** What the rating engine needs to know of a member. */
public record MemberStatusView(long id, String slug, String displayName, String region, boolean withdrawn,
                               Instant withdrawnAt, Duration apiInterval) {

    static MemberStatusView of(Member m) {
        return new MemberStatusView(m.id, m.slug, m.displayName, m.region, m.status == MemberStatus.WITHDRAWN,
                m.withdrawnAt, Duration.ofSeconds(m.apiProbeIntervalSeconds));
    }
}
