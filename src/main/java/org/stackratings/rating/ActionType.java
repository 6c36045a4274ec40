package org.stackratings.rating;

/** The kinds of rating action (PRODUCT.md section 2). */
public enum ActionType {
    ASSIGNED,
    UPGRADE,
    DOWNGRADE,
    AFFIRMED,
    WATCH_ON,
    WATCH_OFF,
    WITHDRAWN
}
