package org.stackratings.rating;

import java.time.Duration;

/** How much of the window the agency measured: runs that measured something over runs expected. */
public record Coverage(double share, long measuredRuns, long expectedRuns, Duration history) {
}
