package org.stackratings.publish.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as its owner sees it (never with its secret): where events go, from which feed cursor on, and how
 * delivery goes ({@code deliveries} counts by status, {@code lastFailure} the latest failed attempt, if any).
 */
public record SubscriptionView(UUID id, String targetUrl, String description, String owner, Instant createdAt,
                               String startCursor, Counts deliveries, DeliveryView lastFailure) {

    public record Counts(long pending, long delivered, long failed) {
    }
}
