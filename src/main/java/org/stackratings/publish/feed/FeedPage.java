package org.stackratings.publish.feed;

import java.util.List;

/**
 * One page of the feed: rating actions and certification changes, each with its position ({@code sequence}; the two
 * lists together have no gaps). {@code next} is always present: pass it as {@code since} to read on (when
 * {@code more} is false, polling it later returns only entries published since).
 */
public record FeedPage(List<FeedAction> actions, List<FeedCertification> certifications, String next, boolean more,
                       Links links) {

    public record Links(String self, String next) {
    }
}
