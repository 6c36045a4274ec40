package org.stackratings.measurement;

import org.HdrHistogram.Histogram;

import java.util.zip.DataFormatException;

/**
 * A latency histogram (HdrHistogram) of OK durations: values in units of 0.01 ms, 2 significant digits (every
 * value is kept within 1 % of itself; below 2.56 ms exactly to 0.01 ms), auto-resizing, stored in HdrHistogram's
 * V2 encoding ({@link SketchCodec}: written plain, read plain or compressed). Sketches of any set of hours merge exactly, so percentiles over a window come from their sum.
 */
public final class LatencySketch {

    /** Units per millisecond (0.01 ms resolution). */
    static final double UNITS_PER_MS = 100.0;
    static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram histogram;
    /** Counts of encoded sketches added but not yet moved into {@link #histogram} (cheaper to add up). */
    private final SketchCodec.IndexCounts pending = new SketchCodec.IndexCounts();

    public LatencySketch() {
        histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
    }

    public static LatencySketch decode(byte[] bytes) {
        LatencySketch sketch = new LatencySketch();
        sketch.add(bytes);
        return sketch;
    }

    public void record(double durationMs) {
        histogram().recordValue(Math.max(0, Math.round(durationMs * UNITS_PER_MS)));
    }

    /** Adds the other sketch's values to this one. */
    public void add(LatencySketch other) {
        histogram().add(other.histogram());
    }

    /**
     * Adds an encoded sketch's values to this one (null or empty adds nothing), straight into this histogram
     * ({@link SketchCodec}); an encoding of another layout goes through HdrHistogram's own decoder.
     */
    public void add(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            return;
        }
        try {
            if (!SketchCodec.addTo(encoded, pending)) {
                histogram().add(SketchCodec.decodeAnyLayout(encoded));
            }
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalStateException("unreadable latency histogram in a measurement rollup", e);
        }
    }

    public long count() {
        return histogram().getTotalCount();
    }

    /**
     * The value (ms) at the percentile (0–100): the middle of the histogram bucket that holds it, so within the
     * bucket's width (1 % of the value, or 0.01 ms) of the exact percentile. Null when the sketch is empty.
     */
    public Double percentile(double percentile) {
        Histogram h = histogram();
        if (h.getTotalCount() == 0) {
            return null;
        }
        long value = h.getValueAtPercentile(percentile);
        return h.medianEquivalentValue(value) / UNITS_PER_MS;
    }

    /** HdrHistogram's plain V2 encoding. */
    public byte[] encode() {
        return SketchCodec.encode(histogram());
    }

    private Histogram histogram() {
        if (!pending.isEmpty()) {
            pending.drainInto(histogram);
        }
        return histogram;
    }
}
