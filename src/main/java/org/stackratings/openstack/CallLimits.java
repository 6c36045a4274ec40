package org.stackratings.openstack;

import java.time.Duration;

/**
 * Bounds of every call of one run to a member cloud: how long to wait for a connection and for each read, how long
 * one call may take in all (connect, send, wait, read the whole body), how many bytes of body and of headers an
 * answer may have, and the run's deadline, which no call outlives.
 */
public record CallLimits(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                         long maxHeaderBytes, RunDeadline deadline) {

    /** Milliseconds the next call may take: the call timeout, or what remains of the run if that is less. */
    public long callBudgetMillis() {
        return Math.min(callTimeout.toMillis(), deadline.remainingMillis());
    }
}
