package org.stackratings.openstack;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deadline of one probe run. Every call to the member is given at most the time that remains, so a call ends by
 * itself at the deadline (its socket closed); {@link #cancel()} ends the calls in flight at once (the run's waiter
 * calls it when it stops waiting, and the agency when it stops) and refuses new ones.
 */
public final class RunDeadline {

    private final Duration length;
    private final long endNanos;
    private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    private RunDeadline(Duration length) {
        this.length = length;
        this.endNanos = System.nanoTime() + length.toNanos();
    }

    /** A deadline {@code length} from now. */
    public static RunDeadline after(Duration length) {
        return new RunDeadline(length);
    }

    public Duration length() {
        return length;
    }

    /** Milliseconds left (0 once passed or cancelled). */
    public long remainingMillis() {
        if (cancelled) {
            return 0;
        }
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    public boolean passed() {
        return remainingMillis() == 0;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Ends every call in flight and refuses new ones. */
    public void cancel() {
        cancelled = true;
        inFlight.forEach(Runnable::run);
    }

    /**
     * Registers a call's cancel action while it is in flight; closing the registration forgets it. A call registered
     * after {@link #cancel()} is cancelled at once.
     */
    public Registration track(Runnable cancelCall) {
        inFlight.add(cancelCall);
        if (cancelled) {
            cancelCall.run();
        }
        return () -> inFlight.remove(cancelCall);
    }

    /** A registered call; {@link #close()} does not throw. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
