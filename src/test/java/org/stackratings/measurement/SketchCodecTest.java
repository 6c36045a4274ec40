package org.stackratings.measurement;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec reads and writes exactly what HdrHistogram reads and writes. */
class SketchCodecTest {

    @Test
    void readsHdrHistogramsOwnEncodingsPlainAndCompressed() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Histogram original = randomHistogram(random);
            Histogram fromCompressed = read(libraryCompressed(original));
            Histogram fromPlain = read(libraryPlain(original));

            assertThat(fromCompressed).isEqualTo(original);
            assertThat(fromPlain).isEqualTo(original);
            assertThat(fromCompressed.getTotalCount()).isEqualTo(original.getTotalCount());
            assertThat(fromCompressed.getMaxValue()).isEqualTo(original.getMaxValue());
            assertThat(fromCompressed.getMinNonZeroValue()).isEqualTo(original.getMinNonZeroValue());
        }
    }

    @Test
    void writesWhatHdrHistogramReads() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            Histogram original = randomHistogram(random);
            Histogram decoded = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(SketchCodec.encode(original)), 0);
            assertThat(decoded).isEqualTo(original);
        }
    }

    @Test
    void addsIntoWhatIsAlreadyThere() throws Exception {
        Random random = new Random(13);
        Histogram a = randomHistogram(random);
        Histogram b = randomHistogram(random);
        Histogram sum = a.copy();
        sum.add(b);
        SketchCodec.IndexCounts counts = new SketchCodec.IndexCounts();
        assertThat(SketchCodec.addTo(SketchCodec.encode(a), counts)).isTrue();
        assertThat(SketchCodec.addTo(libraryCompressed(b), counts)).isTrue();
        Histogram target = emptyHistogram();
        counts.drainInto(target);
        assertThat(target).isEqualTo(sum);
        assertThat(counts.isEmpty()).isTrue();
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
        assertThat(sketch.percentile(50)).isCloseTo(12.34, org.assertj.core.api.Assertions.within(0.13));
    }

    @Test
    void refusesTruncatedOrForeignBytes() {
        byte[] encoded = SketchCodec.encode(randomHistogram(new Random(17)));
        byte[] cut = java.util.Arrays.copyOf(encoded, encoded.length - 3);
        LatencySketch sketch = new LatencySketch();
        assertThatThrownBy(() -> sketch.add(cut)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sketch.add(new byte[]{1, 2, 3, 4, 5, 6, 7, 8})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valueAtIsTheLowestValueOfEachIndex() {
        Histogram h = emptyHistogram();
        for (long v : new long[]{0, 1, 127, 128, 255, 256, 257, 300, 511, 512, 100_000, 123_456_789L}) {
            h.reset();
            h.recordValue(v);
            Histogram decoded = read(libraryPlain(h));
            assertThat(decoded.getMinValue()).as("value %d", v).isEqualTo(h.lowestEquivalentValue(v));
        }
    }

    private static Histogram randomHistogram(Random random) {
        Histogram h = emptyHistogram();
        int n = random.nextInt(200);
        double scale = Math.pow(10, random.nextInt(7));
        for (int i = 0; i < n; i++) {
            h.recordValueWithCount(Math.max(0, Math.round(scale * Math.exp(random.nextGaussian()))), 1 + random.nextInt(3));
        }
        if (random.nextInt(10) == 0) {
            h.recordValueWithCount(random.nextInt(1000), 5_000_000_000L); // a count that needs more LEB128 bytes
        }
        return h;
    }

    private static Histogram read(byte[] encoded) {
        SketchCodec.IndexCounts counts = new SketchCodec.IndexCounts();
        try {
            assertThat(SketchCodec.addTo(encoded, counts)).isTrue();
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        }
        Histogram h = emptyHistogram();
        counts.drainInto(h);
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
        return java.util.Arrays.copyOf(buffer.array(), length);
    }

    private static byte[] libraryPlain(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoByteBuffer(buffer);
        return java.util.Arrays.copyOf(buffer.array(), length);
    }
}
