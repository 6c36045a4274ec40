package org.stackratings.publish.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a new subscription: the subscription and, this once, its signing secret. */
public record SubscriptionCreated(@JsonUnwrapped SubscriptionView subscription, String secret) {
}
