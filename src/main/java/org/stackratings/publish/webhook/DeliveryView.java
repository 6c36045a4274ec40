package org.stackratings.publish.webhook;

import java.time.Instant;

/** One event for one subscription: the CloudEvents id, the feed position, and how its attempts went. */
public record DeliveryView(String eventId, long sequence, DeliveryStatus status, int attempts, Instant createdAt,
                           Instant lastAttemptAt, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                           Instant finishedAt) {
}
