package org.stackratings.rating;

/** Likely direction of a rating over the next months, from the trend of its score (PRODUCT.md section 4). */
public enum Outlook {
    POSITIVE,
    STABLE,
    NEGATIVE,
    DEVELOPING
}
