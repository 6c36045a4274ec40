package org.stackratings.sandbox.hostile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.function.Consumer;
import org.stackratings.sandbox.state.HostileStreams;

/**
 * Writes a JSON document that never ends ({@link HostileDocuments#endlessStart} then {@link HostileDocuments#ITEM}
 * forever) as fast as the client reads it, and no faster: it writes only while {@link WriteStream#writeQueueFull()} is
 * false and otherwise waits for the drain handler, so the sandbox holds at most about one write queue of it in memory.
 * It writes a few chunks at a time and hands the rest to {@code later} (the event loop), so other requests go on.
 * {@link #stop()} ends it (the connection closed).
 */
public final class EndlessBody {

    /** Bytes of one chunk (whole items). */
    static final int CHUNK_BYTES = 16 * 1024;
    /** Chunks written before yielding to other work on the event loop. */
    static final int CHUNKS_PER_TURN = 8;
    private static final Buffer CHUNK = HostileDocuments.bytes(
            HostileDocuments.ITEM.repeat(CHUNK_BYTES / HostileDocuments.ITEM.length()));

    private enum State { WRITING, WAITING_FOR_DRAIN, STOPPED }

    private final WriteStream<Buffer> out;
    private final Consumer<Runnable> later;
    private final HostileStreams.Stream stream;
    private final String service;
    private State state = State.WRITING;

    /**
     * @param later runs a task later on the same thread (in the sandbox: {@code Context.runOnContext})
     */
    public EndlessBody(WriteStream<Buffer> out, Consumer<Runnable> later, HostileStreams.Stream stream,
            String service) {
        this.out = out;
        this.later = later;
        this.stream = stream;
        this.service = service;
    }

    public void start() {
        write(HostileDocuments.bytes(HostileDocuments.endlessStart(service)));
        pump();
    }

    /** Stops writing for good. */
    public void stop() {
        state = State.STOPPED;
        stream.waiting(false);
    }

    private void pump() {
        for (int i = 0; i < CHUNKS_PER_TURN; i++) {
            if (state != State.WRITING) {
                return;
            }
            if (out.writeQueueFull()) {
                state = State.WAITING_FOR_DRAIN;
                stream.waiting(true);
                out.drainHandler(v -> drained());
                return;
            }
            write(CHUNK);
        }
        later.accept(this::pump);
    }

    private void drained() {
        if (state != State.WAITING_FOR_DRAIN) {
            return;
        }
        out.drainHandler(null);
        state = State.WRITING;
        stream.waiting(false);
        pump();
    }

    private void write(Buffer chunk) {
        if (state == State.STOPPED) {
            return;
        }
        try {
            out.write(chunk);
        } catch (IllegalStateException closed) {
            // the response was closed between two turns: there is nobody left to write to
            stop();
            return;
        }
        stream.sent(chunk.length());
    }
}
