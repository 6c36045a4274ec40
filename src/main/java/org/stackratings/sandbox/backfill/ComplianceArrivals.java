package org.stackratings.sandbox.backfill;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.stackratings.measurement.ComplianceStored;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** Lets the backfill wait for a member's first compliance result: woken by each stored result, not by polling. */
@ApplicationScoped
public class ComplianceArrivals {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ComplianceStored event) {
        lock.lock();
        try {
            stored.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code present} is true, checking it again after every stored compliance result, or until
     * {@code deadlineNanos} ({@link System#nanoTime()}); true when it became true.
     */
    public boolean awaitUntil(BooleanSupplier present, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (!present.getAsBoolean()) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                // a result committed after the check cannot signal before this wait releases the lock: none is missed
                stored.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
