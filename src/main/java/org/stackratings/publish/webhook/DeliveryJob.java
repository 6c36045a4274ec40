package org.stackratings.publish.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Sends due webhook deliveries on a schedule (once per cluster); overlapping runs are skipped. */
@ApplicationScoped
public class DeliveryJob {

    private final DeliveryWorker worker;
    private final Clock clock;

    public DeliveryJob(DeliveryWorker worker, Clock clock) {
        this.worker = worker;
        this.clock = clock;
    }

    @Scheduled(identity = "webhook-delivery", every = "{stackratings.webhook.delivery-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        worker.deliverDue(clock.instant());
    }
}
