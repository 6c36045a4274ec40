package org.stackratings.sandbox.hostile;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.stackratings.sandbox.state.HostileStreams;

/**
 * Writes a JSON document that never ends ({@link HostileDocuments#endlessStart} then {@link HostileDocuments#ITEM}
 * forever) one byte every {@code interval}, each byte its own chunk, until {@link #stop()}.
 */
public final class TrickleBody {

    private final Vertx vertx;
    private final WriteStream<Buffer> out;
    private final HostileStreams.Stream stream;
    private final byte[] start;
    private final byte[] item = HostileDocuments.ITEM.getBytes(StandardCharsets.UTF_8);
    private final long intervalMs;
    private long position;
    private long timer = -1;
    private boolean stopped;

    public TrickleBody(Vertx vertx, WriteStream<Buffer> out, HostileStreams.Stream stream, String service,
            Duration interval) {
        this.vertx = vertx;
        this.out = out;
        this.stream = stream;
        this.start = HostileDocuments.endlessStart(service).getBytes(StandardCharsets.UTF_8);
        this.intervalMs = Math.max(1, interval.toMillis());
    }

    /** Sends the first byte now and one more every interval. */
    public void start() {
        next();
        if (!stopped) {
            timer = vertx.setPeriodic(intervalMs, id -> next());
        }
    }

    public void stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void next() {
        if (stopped) {
            return;
        }
        byte b = position < start.length ? start[(int) position]
                : item[(int) ((position - start.length) % item.length)];
        position++;
        try {
            out.write(Buffer.buffer(new byte[] {b}));
        } catch (IllegalStateException closed) {
            // the response was closed between two bytes: there is nobody left to write to
            stop();
            return;
        }
        stream.sent(1);
    }
}
