package org.stackratings.measurement;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The codec reads and writes exactly what HdrHistogram reads and writes, and sketches answer as HdrHistogram does. */
class SketchCodecTest {

    @Test
    void readsHdrHistogramsOwnEncodingsPlainAndCompressed() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Histogram original = randomHistogram(random);
            assertThat(histogram(read(libraryCompressed(original)))).isEqualTo(original);
            assertThat(histogram(read(libraryPlain(original)))).isEqualTo(original);
        }
    }

    @Test
    void writesWhatHdrHistogramReads() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            Histogram original = randomHistogram(random);
            byte[] ours = SketchCodec.encode(read(libraryPlain(original)));
            Histogram decoded = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(ours), 0);
            assertThat(decoded).isEqualTo(original);
            assertThat(decoded.getTotalCount()).isEqualTo(original.getTotalCount());
        }
    }

    @Test
    void bucketsValuesAsHdrHistogramDoes() {
        Random random = new Random(3);
        for (int round = 0; round < 2_000; round++) {
            long value = round < 600 ? round : Math.round(Math.pow(10, random.nextDouble() * 12));
            Histogram h = emptyHistogram();
            h.recordValue(value);
            SketchCodec.IndexCounts counts = read(libraryPlain(h));
            SketchCodec.IndexCounts ours = new SketchCodec.IndexCounts();
            ours.add(SketchCodec.indexOf(value), 1);
            assertThat(SketchCodec.encode(ours)).as("value %d", value).isEqualTo(SketchCodec.encode(counts));
            assertThat(SketchCodec.valueAt(SketchCodec.indexOf(value))).isEqualTo(h.lowestEquivalentValue(value));
        }
    }

    @Test
    void sketchPercentilesAreHdrHistogramsPercentiles() {
        Random random = new Random(5);
        LatencySketch sketch = new LatencySketch();
        Histogram reference = emptyHistogram();
        for (int i = 0; i < 5_000; i++) {
            double ms = Math.exp(3 + random.nextGaussian());
            sketch.record(ms);
            reference.recordValue(Math.round(ms * LatencySketch.UNITS_PER_MS));
        }
        LatencySketch copy = LatencySketch.decode(sketch.encode());
        for (double p : new double[]{50, 95, 99, 99.9}) {
            double expected = reference.medianEquivalentValue(reference.getValueAtPercentile(p)) / LatencySketch.UNITS_PER_MS;
            assertThat(sketch.percentile(p)).isEqualTo(expected);
            assertThat(copy.percentile(p)).isEqualTo(expected);
        }
        assertThat(copy.count()).isEqualTo(5_000);
    }

    @Test
    void addsIntoWhatIsAlreadyThere() {
        Random random = new Random(13);
        Histogram a = randomHistogram(random);
        Histogram b = randomHistogram(random);
        Histogram sum = a.copy();
        sum.add(b);
        SketchCodec.IndexCounts counts = read(SketchCodec.encode(read(libraryPlain(a))));
        addTo(libraryCompressed(b), counts);
        assertThat(histogram(counts)).isEqualTo(sum);
        assertThat(counts.total()).isEqualTo(sum.getTotalCount());
    }

    @Test
    void leavesOtherLayoutsToHdrHistogram() throws Exception {
        Histogram threeDigits = new Histogram(3);
        threeDigits.recordValue(1234);
        SketchCodec.IndexCounts counts = new SketchCodec.IndexCounts();
        assertThat(SketchCodec.addTo(libraryCompressed(threeDigits), counts)).isFalse();
        assertThat(counts.isEmpty()).isTrue();

        LatencySketch sketch = new LatencySketch();
        sketch.add(libraryCompressed(threeDigits));
        sketch.add(libraryPlain(threeDigits));
        assertThat(sketch.count()).isEqualTo(2);
        assertThat(sketch.percentile(50)).isCloseTo(12.34, within(0.13));
    }

    @Test
    void refusesTruncatedOrForeignBytes() {
        byte[] encoded = SketchCodec.encode(read(libraryPlain(randomHistogram(new Random(17)))));
        byte[] cut = Arrays.copyOf(encoded, encoded.length - 3);
        LatencySketch sketch = new LatencySketch();
        assertThatThrownBy(() -> sketch.add(cut)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sketch.add(new byte[]{1, 2, 3, 4, 5, 6, 7, 8})).isInstanceOf(IllegalStateException.class);
    }

    private static Histogram randomHistogram(Random random) {
        Histogram h = emptyHistogram();
        int n = 1 + random.nextInt(200);
        double scale = Math.pow(10, random.nextInt(7));
        for (int i = 0; i < n; i++) {
            h.recordValueWithCount(Math.max(0, Math.round(scale * Math.exp(random.nextGaussian()))), 1 + random.nextInt(3));
        }
        if (random.nextInt(10) == 0) {
            h.recordValueWithCount(random.nextInt(1000), 5_000_000_000L); // a count that needs more LEB128 bytes
        }
        return h;
    }

    private static SketchCodec.IndexCounts read(byte[] encoded) {
        SketchCodec.IndexCounts counts = new SketchCodec.IndexCounts();
        addTo(encoded, counts);
        return counts;
    }

    private static void addTo(byte[] encoded, SketchCodec.IndexCounts counts) {
        try {
            assertThat(SketchCodec.addTo(encoded, counts)).isTrue();
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static Histogram histogram(SketchCodec.IndexCounts counts) {
        Histogram h = emptyHistogram();
        counts.copyInto(h);
        return h;
    }

    private static Histogram emptyHistogram() {
        Histogram h = new Histogram(LatencySketch.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    private static byte[] libraryCompressed(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    private static byte[] libraryPlain(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }
}
