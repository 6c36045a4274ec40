package org.stackratings.sandbox.profile;

/** What a cloud does with a request that falls into an outage window. */
public enum FaultMode {
    /** Answer 503 with an OpenStack-style error body (after the usual latency). */
    ERROR,
    /** Hold the request without an answer for the cloud's {@code hangMs}, then close the connection. */
    TIMEOUT,
    /** Close the connection at once, without an answer. */
    RESET
}
