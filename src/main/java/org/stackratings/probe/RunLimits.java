package org.stackratings.probe;

import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.RunDeadline;

import java.time.Duration;

/** The bounds every probe gives its calls: the configured timeouts and sizes, under one run's deadline. */
final class RunLimits {

    private RunLimits() {
    }

    static CallLimits of(ProbeConfig config, RunDeadline deadline) {
        return new CallLimits(config.connectTimeout(), config.readTimeout(), config.callTimeout(),
                config.maxBodySize().asLongValue(), config.maxHeaderSize().asLongValue(), deadline);
    }

    static CallLimits of(ProbeConfig config, Duration deadline) {
        return of(config, RunDeadline.after(deadline));
    }
}
