package org.stackratings.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.state.HostileStreams;

/** The endless body honours back-pressure: it never writes while the write queue is full. */
class EndlessBodyTest {

    private static final int QUEUE_LIMIT = 256 * 1024;

    /** A write stream whose queue fills at {@link #QUEUE_LIMIT} bytes until the test drains it. */
    private static final class SlowReader implements WriteStream<Buffer> {
        long queued;
        long written;
        int writesWhileFull;
        final Buffer received = Buffer.buffer();
        Handler<Void> drain;

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public Future<Void> write(Buffer data) {
            if (writeQueueFull()) {
                writesWhileFull++;
            }
            queued += data.length();
            written += data.length();
            if (received.length() < 4096) {
                received.appendBuffer(data);
            }
            return Future.succeededFuture();
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            write(data).onComplete(handler);
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            throw new AssertionError("an endless body never ends");
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return queued >= QUEUE_LIMIT;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            drain = handler;
            return this;
        }

        /** The client read everything queued. */
        void readAll() {
            queued = 0;
            if (drain != null) {
                drain.handle(null);
            }
        }
    }

    private final Deque<Runnable> later = new ArrayDeque<>();
    private final HostileStreams streams = new HostileStreams();

    /** Runs the tasks handed to "later" (at most {@code max}); how many ran. */
    private int runLater(int max) {
        int ran = 0;
        while (!later.isEmpty() && ran < max) {
            later.poll().run();
            ran++;
        }
        return ran;
    }

    @Test
    void writesUntilTheQueueIsFullThenWaitsForTheDrain() {
        SlowReader reader = new SlowReader();
        HostileStreams.Stream stream = streams.open(() -> { });
        new EndlessBody(reader, later::add, stream, "compute").start();
        runLater(10_000);

        assertThat(later).as("nothing more is scheduled while the queue is full").isEmpty();
        assertThat(reader.writesWhileFull).isZero();
        assertThat(reader.written).isGreaterThanOrEqualTo(QUEUE_LIMIT)
                .isLessThan(QUEUE_LIMIT + EndlessBody.CHUNK_BYTES + 64);
        assertThat(stream.isWaiting()).isTrue();
        assertThat(streams.waitingForDrain()).isEqualTo(1);
        assertThat(stream.bytesSent()).isEqualTo(reader.written);

        reader.readAll();
        runLater(10_000);
        assertThat(reader.writesWhileFull).isZero();
        assertThat(reader.written).as("after the drain it writes another queue-full")
                .isGreaterThanOrEqualTo(2L * QUEUE_LIMIT).isLessThan(2L * QUEUE_LIMIT + 2L * EndlessBody.CHUNK_BYTES);
        assertThat(stream.isWaiting()).isTrue();
    }

    @Test
    void yieldsToTheEventLoopBetweenTurns() {
        SlowReader reader = new SlowReader();
        new EndlessBody(reader, later::add, streams.open(() -> { }), "compute").start();
        assertThat(reader.written).as("one turn writes a few chunks, not the whole queue")
                .isLessThanOrEqualTo((long) EndlessBody.CHUNKS_PER_TURN * EndlessBody.CHUNK_BYTES + 64);
        assertThat(later).hasSize(1);
    }

    @Test
    void stopsForGoodWhenStopped() {
        SlowReader reader = new SlowReader();
        HostileStreams.Stream stream = streams.open(() -> { });
        EndlessBody body = new EndlessBody(reader, later::add, stream, "compute");
        body.start();
        runLater(10_000);
        body.stop();
        long before = reader.written;
        reader.readAll();
        runLater(10_000);
        assertThat(reader.written).isEqualTo(before);
        assertThat(later).isEmpty();
        assertThat(stream.isWaiting()).isFalse();
    }

    @Test
    void theDocumentIsAListThatNeverCloses() {
        SlowReader reader = new SlowReader();
        new EndlessBody(reader, later::add, streams.open(() -> { }), "image").start();
        String start = reader.received.toString(StandardCharsets.UTF_8);
        assertThat(start).startsWith("{\"images\": [" + HostileDocuments.ITEM + HostileDocuments.ITEM);
        assertThat(start).doesNotContain("]");
    }
}
