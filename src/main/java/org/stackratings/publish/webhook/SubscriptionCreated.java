package org.stackratings.publish.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a new subscription: the subscription and, this once, its signing secret (never in {@link #toString()}). */
public record SubscriptionCreated(@JsonUnwrapped SubscriptionView subscription, String secret) {

    @Override
    public String toString() {
        return "SubscriptionCreated[" + subscription + ", secret=***]";
    }
}
