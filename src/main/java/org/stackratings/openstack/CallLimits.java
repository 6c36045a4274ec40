package org.stackratings.openstack;

import java.time.Duration;

/** Per-call limits: how long to wait for a connection and for each read. */
public record CallLimits(Duration connectTimeout, Duration readTimeout) {
}
