package org.stackratings.sandbox.state;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hostile answers of one cloud that are still going (endless and trickling bodies, connections a silent Keystone
 * holds): how many, how many bytes they sent, how many wait for the client to read (back-pressure). Kept when the
 * cloud's profile changes; {@link #closeAll()} ends them (their connections are closed).
 */
public final class HostileStreams {

    /** One open hostile answer. */
    public final class Stream {
        private final Runnable closer;
        private volatile boolean waiting;
        private volatile boolean ended;
        private final LongAdder sent = new LongAdder();

        private Stream(Runnable closer) {
            this.closer = closer;
        }

        /** {@code bytes} more were handed to the connection. */
        public void sent(long bytes) {
            sent.add(bytes);
            bytesSent.add(bytes);
        }

        /** Whether it waits for the client to read before it writes more. */
        public void waiting(boolean value) {
            waiting = value;
        }

        public boolean isWaiting() {
            return waiting;
        }

        public long bytesSent() {
            return sent.sum();
        }

        /** The connection has gone: the stream is no longer counted as open. */
        public void end() {
            ended = true;
            open.remove(this);
        }

        public boolean ended() {
            return ended;
        }

        private void close() {
            end();
            closer.run();
        }
    }

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final LongAdder bytesSent = new LongAdder();

    /** Registers a new open answer; {@code closer} closes its connection. */
    public Stream open(Runnable closer) {
        Stream stream = new Stream(closer);
        open.add(stream);
        return stream;
    }

    public int openCount() {
        return open.size();
    }

    public int waitingForDrain() {
        return (int) open.stream().filter(Stream::isWaiting).count();
    }

    /** Bytes all hostile streams of the cloud have sent, ended ones included. */
    public long bytesSent() {
        return bytesSent.sum();
    }

    /** Ends every open answer and closes its connection (the mode was changed or the cloud removed). */
    public void closeAll() {
        for (Stream stream : Set.copyOf(open)) {
            stream.close();
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("open", openCount()).put("waitingForDrain", waitingForDrain())
                .put("bytesSent", bytesSent());
    }
}
