package org.stackratings.publish.webhook;

/** Where one event stands for one subscription. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (or being sent, while a lease is held). */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Still failing after {@code stackratings.webhook.give-up-after}; not retried. */
    FAILED
}
