package org.stackratings.compliance.conformance;

import java.time.Duration;

/** How a run waits between two polls of a resource's state (the thread sleeps; tests may pass a pause of their own). */
@FunctionalInterface
interface Pause {

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
