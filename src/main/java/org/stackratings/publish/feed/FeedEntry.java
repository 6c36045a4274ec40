package org.stackratings.publish.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A rating action's or a certification event's place in the feed (exactly one of the two ids is set): positions are
 * gap-free and assigned in commit order. Never changed.
 */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {

    @Id
    public Long position;
    @Column(name = "action_id")
    public Long actionId;
    @Column(name = "certification_event_id")
    public Long certificationEventId;
    @Column(name = "sequenced_at")
    public Instant sequencedAt;
}
