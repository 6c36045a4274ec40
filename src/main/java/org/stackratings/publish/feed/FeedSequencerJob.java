package org.stackratings.publish.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the sequencer on a schedule, once per cluster (Quartz JDBC store); overlapping runs are skipped. */
@ApplicationScoped
public class FeedSequencerJob {

    private final FeedSequencer sequencer;

    public FeedSequencerJob(FeedSequencer sequencer) {
        this.sequencer = sequencer;
    }

    @Scheduled(identity = "feed-sequencer", every = "{stackratings.feed.sequence-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        sequencer.sequenceAll();
    }
}
