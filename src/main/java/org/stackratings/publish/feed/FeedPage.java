package org.stackratings.publish.feed;

import java.util.List;

/**
 * One page of the feed. {@code next} is always present: pass it as {@code since} to read on (when {@code more} is
 * false, polling it later returns only actions published since).
 */
public record FeedPage(List<FeedAction> actions, String next, boolean more, Links links) {

    public record Links(String self, String next) {
    }
}
