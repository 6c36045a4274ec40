package org.stackratings.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member's current rating and the scorecard that made it (rationale, as JSON). */
@Entity
@Table(name = "rating")
public class Rating extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public Long memberId;
    public String notch;
    @Column(name = "indicated_notch")
    public String indicatedNotch;
    public Double score;
    public String rationale;
    @Column(name = "methodology_version")
    public String methodologyVersion;
    @Column(name = "window_start")
    public Instant windowStart;
    @Column(name = "window_end")
    public Instant windowEnd;
    public double coverage;
    @Column(name = "effective_since")
    public Instant effectiveSince;
    @Column(name = "computed_at")
    public Instant computedAt;
    public String outlook;
    public String watch;
    @Column(name = "pending_notch")
    public String pendingNotch;
    @Column(name = "pending_since")
    public Instant pendingSince;
    @Column(name = "last_action_at")
    public Instant lastActionAt;
}
