package org.stackratings.measurement;

import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Histogram;

import java.util.zip.DataFormatException;

/**
 * A latency histogram (HdrHistogram's bucket layout) of OK durations: values in units of 0.01 ms, 2 significant digits
 * (every value is kept within 1 % of itself; below 2.56 ms exactly to 0.01 ms), unbounded, stored in HdrHistogram's
 * V2 encoding ({@link SketchCodec}: written plain, read plain or compressed). Sketches of any set of hours merge
 * exactly, so percentiles over a window come from their sum. Recording, adding and encoding work on the counts per
 * bucket; an HdrHistogram {@link Histogram} is built from them only to read percentiles.
 */
public final class LatencySketch {

    /** Units per millisecond (0.01 ms resolution). */
    static final double UNITS_PER_MS = 100.0;
    static final int SIGNIFICANT_DIGITS = 2;

    private final SketchCodec.IndexCounts counts = new SketchCodec.IndexCounts();
    /** The counts as a histogram, for percentiles; null until asked for and after every change. */
    private Histogram histogram;

    public static LatencySketch decode(byte[] bytes) {
        LatencySketch sketch = new LatencySketch();
        sketch.add(bytes);
        return sketch;
    }

    public void record(double durationMs) {
        counts.add(SketchCodec.indexOf(Math.max(0, Math.round(durationMs * UNITS_PER_MS))), 1);
        histogram = null;
    }

    /** Adds the other sketch's values to this one. */
    public void add(LatencySketch other) {
        counts.addAll(other.counts);
        histogram = null;
    }

    /**
     * Adds an encoded sketch's values to this one (null or empty adds nothing); an encoding of another layout goes
     * through HdrHistogram's own decoder, and its values into this sketch's buckets.
     */
    public void add(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            return;
        }
        try {
            if (!SketchCodec.addTo(encoded, counts)) {
                for (HistogramIterationValue v : SketchCodec.decodeAnyLayout(encoded).recordedValues()) {
                    counts.add(SketchCodec.indexOf(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
                }
            }
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalStateException("unreadable latency histogram in a measurement rollup", e);
        } finally {
            histogram = null;
        }
    }

    public long count() {
        return counts.total();
    }

    /**
     * The value (ms) at the percentile (0–100): the middle of the histogram bucket that holds it, so within the
     * bucket's width (1 % of the value, or 0.01 ms) of the exact percentile. Null when the sketch is empty.
     */
    public Double percentile(double percentile) {
        if (counts.isEmpty()) {
            return null;
        }
        if (histogram == null) {
            histogram = new Histogram(SIGNIFICANT_DIGITS);
            histogram.setAutoResize(true);
            counts.copyInto(histogram);
        }
        long value = histogram.getValueAtPercentile(percentile);
        return histogram.medianEquivalentValue(value) / UNITS_PER_MS;
    }

    /** HdrHistogram's plain V2 encoding. */
    public byte[] encode() {
        return SketchCodec.encode(counts);
    }
}
