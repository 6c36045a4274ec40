package org.stackratings.publish.feed;

/** One position of the feed: a rating action or a certification change. */
public sealed interface FeedItem permits FeedAction, FeedCertification {

    /** The feed position. */
    long sequence();
}
