package org.stackratings.measurement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.time.Duration;

/**
 * Group commit of probe runs: callers of {@link #write} hand over the start or the end of a run and wait until it is
 * committed; {@code stackratings.measurement.writer-threads} writer threads each take whatever is waiting (up to
 * {@value #MAX_PER_TRANSACTION} runs) and write it in one transaction ({@link RunWrites}), so many probes finishing at
 * once cost one commit, a few multi-row statements and one fold per rollup row instead of all of that per run.
 * Nothing returns before it is durable, and a run whose write fails is retried in a transaction of its own, so one bad
 * run fails only its own caller.
 */
@ApplicationScoped
class RunWriter {

    private static final Logger LOG = Logger.getLogger(RunWriter.class);
    static final int MAX_PER_TRANSACTION = 256;

    /** One start or end waiting to be written, and its caller's wait. */
    private record Pending(RunWrites.Start start, RunWrites.Finish finish, CompletableFuture<Void> done, long queuedNanos) {
    }

    /** A write that waits longer than this for a writer means the writers are stuck. */
    static final Duration STALLED = Duration.ofSeconds(60);

    private final EntityManager em;
    private final int threads;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final Map<String, String> deaths = new ConcurrentHashMap<>();
    /** The writers are gone (stopped, or dead): callers write their own. */
    private volatile boolean stopping;
    /** The agency stops: writers leaving now are not dead. */
    private volatile boolean shuttingDown;

    RunWriter(EntityManager em, MeasurementConfig config) {
        this.em = em;
        this.threads = config.writerThreads();
    }

    @PostConstruct
    void startWriters() {
        for (int i = 1; i <= threads; i++) {
            Thread writer = new Thread(this::writeWhatWaits, "measurement-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        shuttingDown = true;
        stopping = true;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Writes a run's start, or its end (exactly one of them), and returns once it is committed. */
    void write(RunWrites.Start start, RunWrites.Finish finish) {
        Pending pending = new Pending(start, finish, new CompletableFuture<>(), System.nanoTime());
        if (stopping || !anyWriterAlive()) {
            write(List.of(pending)); // the writers are draining or gone: the caller writes its own
        } else {
            queue.add(pending);
        }
        awaitUninterruptibly(pending);
    }

    /**
     * What is wrong with the writers, if anything: a writer that died (other than at shutdown), or a write that has
     * waited for a writer longer than {@link #STALLED}. Callers never wait forever either way (they write their own
     * when no writer is left), but the agency is broken and says so.
     */
    Optional<String> problem() {
        if (shuttingDown) {
            return Optional.empty();
        }
        if (!deaths.isEmpty()) {
            return Optional.of(String.join("; ", new TreeMap<>(deaths).values()));
        }
        Pending oldest = queue.peek();
        if (oldest != null && System.nanoTime() - oldest.queuedNanos() > STALLED.toNanos()) {
            return Optional.of("a probe run has waited " + Duration.ofNanos(System.nanoTime() - oldest.queuedNanos()).toSeconds()
                    + " s for a measurement writer (" + queue.size() + " waiting)");
        }
        return Optional.empty();
    }

    private boolean anyWriterAlive() {
        return writers.stream().anyMatch(Thread::isAlive);
    }

    private void writeWhatWaits() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (!stopping || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_PER_TRANSACTION - 1);
                    write(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (!shuttingDown) {
                        died("interrupted");
                        return;
                    }
                    stopping = true;
                } finally {
                    batch.clear();
                }
            }
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(p -> write(List.of(p)));
        } catch (Throwable t) { // an Error such as OutOfMemoryError: the callers of this batch must not wait forever
            batch.forEach(p -> p.done().completeExceptionally(t));
            died(t.toString());
            throw t;
        }
    }

    private void died(String why) {
        String name = Thread.currentThread().getName();
        deaths.put(name, name + " died: " + why);
        if (!anyOtherWriterAlive()) {
            stopping = true; // callers write their own from now on; those already queued take theirs back
        }
    }

    private boolean anyOtherWriterAlive() {
        return writers.stream().anyMatch(w -> w != Thread.currentThread() && w.isAlive());
    }

    private void write(List<Pending> batch) {
        List<RunWrites.Start> starts = new ArrayList<>();
        List<RunWrites.Finish> finishes = new ArrayList<>();
        for (Pending p : batch) {
            if (p.start() != null) {
                starts.add(p.start());
            } else {
                finishes.add(p.finish());
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class)
                    .doWork(connection -> RunWrites.write(connection, starts, finishes)));
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.debugf("writing %d runs together failed (%s); writing them one at a time", batch.size(), e);
            batch.forEach(p -> write(List.of(p)));
        }
    }

    private void awaitUninterruptibly(Pending pending) {
        CompletableFuture<Void> done = pending.done();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get(1, TimeUnit.SECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (!anyWriterAlive() && queue.remove(pending)) {
                        write(List.of(pending)); // no writer is left to take it: write it here
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the write goes on regardless; the caller learns how it ended
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("storing a probe run failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
