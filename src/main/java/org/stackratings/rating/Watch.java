package org.stackratings.rating;

/** A rating under review after a sudden change; it ends in a move or in WATCH_OFF. */
public enum Watch {
    REVIEW_UPGRADE,
    REVIEW_DOWNGRADE
}
