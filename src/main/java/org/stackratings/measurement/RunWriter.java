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
    private record Pending(RunWrites.Start start, RunWrites.Finish finish, CompletableFuture<Void> done) {
    }

    private final EntityManager em;
    private final int threads;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

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
        stopping = true;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** Writes a run's start, or its end (exactly one of them), and returns once it is committed. */
    void write(RunWrites.Start start, RunWrites.Finish finish) {
        Pending pending = new Pending(start, finish, new CompletableFuture<>());
        if (stopping) {
            write(List.of(pending)); // the writers are draining or gone: the caller writes its own
        } else {
            queue.add(pending);
        }
        awaitUninterruptibly(pending.done());
    }

    private void writeWhatWaits() {
        List<Pending> batch = new ArrayList<>();
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
                LOG.warn("measurement writer interrupted; callers write their own from now on");
                stopping = true;
            } finally {
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> write(List.of(p)));
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

    private static void awaitUninterruptibly(CompletableFuture<Void> done) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
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
