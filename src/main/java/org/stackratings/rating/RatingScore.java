package org.stackratings.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The last score of a member in one hour: the score history behind outlooks and the provider's time series. */
@Entity
@Table(name = "rating_score")
public class RatingScore extends PanacheEntityBase {

    @EmbeddedId
    public Key id;
    public Double score;
    public String notch;
    @Column(name = "indicated_notch")
    public String indicatedNotch;
    public String factors;
    @Column(name = "methodology_version")
    public String methodologyVersion;

    @Embeddable
    public record Key(@Column(name = "member_id") long memberId, @Column(name = "hour_start") Instant hour) implements Serializable {
    }
}
