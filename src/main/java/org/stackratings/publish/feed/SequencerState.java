package org.stackratings.publish.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The sequencer's single row (id 1); see {@link FeedSequencer} for what each field guarantees. */
@Entity
@Table(name = "feed_sequencer")
public class SequencerState extends PanacheEntityBase {

    @Id
    public Integer id;
    @Column(name = "last_position")
    public long lastPosition;
    @Column(name = "scan_from")
    public long scanFrom;
    @Column(name = "checkpoint_id")
    public long checkpointId;
    @Column(name = "checkpoint_at")
    public Instant checkpointAt;
    @Column(name = "full_scan_at")
    public Instant fullScanAt;
    /** {@code scan_from} of certification events: every {@code certification_event.id} up to it is sequenced. */
    @Column(name = "certification_scan_from")
    public long certificationScanFrom;
    /** {@code checkpoint_id} of certification events (the checkpoint's time is {@code checkpoint_at}, shared). */
    @Column(name = "certification_checkpoint_id")
    public long certificationCheckpointId;
}
