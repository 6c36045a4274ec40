package org.stackratings.publish.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A rating action's place in the feed: positions are gap-free and assigned in commit order. Never changed. */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {

    @Id
    public Long position;
    @Column(name = "action_id")
    public long actionId;
    @Column(name = "sequenced_at")
    public Instant sequencedAt;
}
