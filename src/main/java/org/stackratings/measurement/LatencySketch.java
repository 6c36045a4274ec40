package org.stackratings.measurement;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * A latency histogram (HdrHistogram) of OK durations: values in units of 0.01 ms, 2 significant digits (every
 * value is kept within 1 % of itself; below 2.56 ms exactly to 0.01 ms), auto-resizing, stored in the compressed
 * encoding. Sketches of any set of hours merge exactly, so percentiles over a window come from their sum.
 */
public final class LatencySketch {

    /** Units per millisecond (0.01 ms resolution). */
    static final double UNITS_PER_MS = 100.0;
    static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram histogram;

    public LatencySketch() {
        histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
    }

    private LatencySketch(Histogram histogram) {
        this.histogram = histogram;
        histogram.setAutoResize(true);
    }

    public static LatencySketch decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new LatencySketch();
        }
        try {
            return new LatencySketch(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
        } catch (DataFormatException e) {
            throw new IllegalStateException("unreadable latency histogram in a measurement rollup", e);
        }
    }

    public void record(double durationMs) {
        histogram.recordValue(Math.max(0, Math.round(durationMs * UNITS_PER_MS)));
    }

    /** Adds the other sketch's values to this one. */
    public void add(LatencySketch other) {
        histogram.add(other.histogram);
    }

    /** Adds an encoded sketch's values to this one (null or empty adds nothing). */
    public void add(byte[] encoded) {
        if (encoded != null && encoded.length > 0) {
            add(decode(encoded));
        }
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /**
     * The value (ms) at the percentile (0–100): the middle of the histogram bucket that holds it, so within the
     * bucket's width (1 % of the value, or 0.01 ms) of the exact percentile. Null when the sketch is empty.
     */
    public Double percentile(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return null;
        }
        long value = histogram.getValueAtPercentile(percentile);
        return histogram.medianEquivalentValue(value) / UNITS_PER_MS;
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }
}
