package org.stackratings.probe;

import org.stackratings.openstack.RunDeadline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a probe's work on the bounded {@link ProbeWorkers} and waits for it at most until the run's deadline; then
 * the deadline is cancelled, which ends the member call in flight (its socket is closed), so the worker is free
 * again at once. The waiting thread (a Quartz thread or an HTTP request) is never held longer than the deadline.
 */
final class BoundedExecution {

    /** How the work ended, as the waiting thread saw it. */
    enum Ending {
        /** The work finished before the deadline. */
        DONE,
        /** The deadline passed while the work ran; the call in flight was cancelled. */
        TIMED_OUT,
        /** The deadline passed while the work waited for a worker: it never started. */
        NEVER_STARTED,
        /** Every worker was busy and the queue full: the work was refused. */
        REFUSED,
        /** The work threw: the agency's fault ({@link #failure()}). */
        FAILED,
        /** The waiting thread was interrupted (the agency stops). */
        INTERRUPTED
    }

    record Result(Ending ending, Throwable failure) {
    }

    private BoundedExecution() {
    }

    /** {@code onStart} runs on the worker, first, when the work does start (lateness is measured there). */
    static Result run(ProbeWorkers workers, RunDeadline deadline, Runnable onStart, Runnable work) {
        AtomicBoolean started = new AtomicBoolean();
        Future<?> future;
        try {
            future = workers.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return; // the deadline passed while the work waited for a worker
                }
                onStart.run();
                work.run();
            });
        } catch (RejectedExecutionException e) {
            return new Result(Ending.REFUSED, null);
        }
        try {
            future.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
            return new Result(Ending.DONE, null);
        } catch (TimeoutException e) {
            deadline.cancel();
            future.cancel(true);
            return new Result(started.compareAndSet(false, true) ? Ending.NEVER_STARTED : Ending.TIMED_OUT, null);
        } catch (ExecutionException e) {
            return new Result(Ending.FAILED, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deadline.cancel();
            future.cancel(true);
            return new Result(Ending.INTERRUPTED, null);
        }
    }
}
