package org.stackratings.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One rating action, append-only: never updated or deleted. */
@Entity
@Table(name = "rating_action")
public class RatingAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "member_id")
    public long memberId;
    public String action;
    public String notch;
    @Column(name = "previous_notch")
    public String previousNotch;
    @Column(name = "indicated_notch")
    public String indicatedNotch;
    public String outlook;
    public String watch;
    public Double score;
    public String reason;
    public String rationale;
    @Column(name = "methodology_version")
    public String methodologyVersion;
    @Column(name = "effective_at")
    public Instant effectiveAt;
}
