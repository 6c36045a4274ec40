package org.stackratings.publish.feed;

import java.time.Instant;

/**
 * Fired synchronously inside the sequencer's transaction when positions {@code first}..{@code last} were assigned,
 * so observers (the webhook outbox) write their rows in the same transaction: both commit or neither does.
 */
public record FeedEntriesAppended(long first, long last, Instant at) {
}
