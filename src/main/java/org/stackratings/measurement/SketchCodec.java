package org.stackratings.measurement;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * HdrHistogram's V2 encoding of a {@link LatencySketch} (the format HdrHistogram itself writes and reads), read and
 * written without HdrHistogram's per-call costs: a sketch is a plain array of counts per counts-array index
 * ({@link IndexCounts}, HdrHistogram's layout for 2 significant digits), which decoding adds to and encoding writes
 * out directly; HdrHistogram would build a new histogram by reflection for every row read and add it to the sum
 * bucket by bucket. Sketches are written in the plain encoding (hourly sketches hardly compress, and reading needs no
 * zlib); the compressed one, which rollups written before 2026-11 hold, is read too, with one {@link Inflater} per
 * thread.
 *
 * <p>Layout: a 40-byte header (cookie, payload length, normalizing index offset, significant digits, lowest
 * discernible value, highest trackable value, integer-to-double ratio) and a payload of ZigZag LEB128 longs, one per
 * counts-array index: a positive value is the count at the next index, a negative one skips that many empty indexes.
 * The compressed form is a cookie, the deflated length, and the deflated plain form.
 */
final class SketchCodec {

    private static final int PLAIN_COOKIE_BASE = 0x1c849303;
    private static final int COMPRESSED_COOKIE_BASE = 0x1c849304;
    /** The low nibble of a cookie's second byte is a word-size marker; HdrHistogram ignores it when reading. */
    private static final int COOKIE_MARKER_MASK = 0xf0;
    private static final int HEADER_BYTES = 40;
    /** Sub-buckets per half bucket for 2 significant digits and a lowest discernible value of 1: 2^7. */
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 7;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2L * SUB_BUCKET_HALF_COUNT - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_COUNT_MAGNITUDE - 1;

    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private SketchCodec() {
    }

    /**
     * Adds the counts of an encoded sketch to {@code target}. Returns false, having added nothing, when the encoding
     * is not the sketch's layout (other significant digits, lowest value or a shifted index), so the caller can fall
     * back to HdrHistogram's general decoder.
     */
    static boolean addTo(byte[] encoded, IndexCounts target) throws DataFormatException {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        int cookieBase = in.getInt(0) & ~COOKIE_MARKER_MASK;
        if (cookieBase == COMPRESSED_COOKIE_BASE) {
            return addPlain(inflate(encoded), target);
        }
        return cookieBase == PLAIN_COOKIE_BASE && addPlain(encoded, target);
    }

    /** HdrHistogram's own decoding of either encoding, for layouts {@link #addTo} leaves alone. */
    static Histogram decodeAnyLayout(byte[] encoded) throws DataFormatException {
        int cookieBase = ByteBuffer.wrap(encoded).getInt(0) & ~COOKIE_MARKER_MASK;
        return cookieBase == COMPRESSED_COOKIE_BASE
                ? Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0)
                : Histogram.decodeFromByteBuffer(ByteBuffer.wrap(encoded), 0);
    }

    /**
     * HdrHistogram's plain V2 encoding of the counts (what {@code Histogram.decodeFromByteBuffer} reads as the
     * histogram they describe): the header, then each index's count, runs of empty indexes as one negative number.
     */
    static byte[] encode(IndexCounts counts) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + 10 * (2 * counts.nonZero() + 1));
        out.position(HEADER_BYTES);
        long[] c = counts.counts;
        int i = 0;
        while (i <= counts.highest) {
            if (c[i] == 0) {
                int run = 0;
                while (i <= counts.highest && c[i] == 0) {
                    run++;
                    i++;
                }
                putZigZag(out, -run);
            } else {
                putZigZag(out, c[i++]);
            }
        }
        int payload = out.position() - HEADER_BYTES;
        out.putInt(0, PLAIN_COOKIE_BASE | 0x10);
        out.putInt(4, payload);
        out.putInt(8, 0);
        out.putInt(12, LatencySketch.SIGNIFICANT_DIGITS);
        out.putLong(16, 1);
        out.putLong(24, Math.max(2, counts.highest < 0 ? 2 : 2 * valueAt(counts.highest)));
        out.putDouble(32, 1.0);
        return Arrays.copyOf(out.array(), HEADER_BYTES + payload);
    }

    /** ZigZag LEB128, as HdrHistogram writes it: 7 bits a byte, the ninth byte (if any) carrying the last 8 bits. */
    private static void putZigZag(ByteBuffer out, long value) {
        long v = (value << 1) ^ (value >> 63);
        for (int i = 0; i < 8; i++) {
            if ((v >>> 7) == 0) {
                out.put((byte) v);
                return;
            }
            out.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static byte[] inflate(byte[] encoded) throws DataFormatException {
        int compressedLength = ByteBuffer.wrap(encoded).getInt(4);
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(encoded, 8, compressedLength);
        byte[] header = new byte[HEADER_BYTES];
        inflateFully(inflater, header, 0, HEADER_BYTES);
        int payloadLength = ByteBuffer.wrap(header).getInt(4);
        byte[] plain = Arrays.copyOf(header, HEADER_BYTES + payloadLength);
        inflateFully(inflater, plain, HEADER_BYTES, payloadLength);
        return plain;
    }

    private static void inflateFully(Inflater inflater, byte[] into, int offset, int length) throws DataFormatException {
        int done = 0;
        while (done < length) {
            int n = inflater.inflate(into, offset + done, length - done);
            if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("latency histogram ends after " + done + " of " + length + " bytes");
            }
            done += n;
        }
    }

    private static boolean addPlain(byte[] plain, IndexCounts target) throws DataFormatException {
        ByteBuffer in = ByteBuffer.wrap(plain);
        if ((in.getInt(0) & ~COOKIE_MARKER_MASK) != PLAIN_COOKIE_BASE) {
            throw new DataFormatException("not an HdrHistogram V2 encoding");
        }
        int payloadLength = in.getInt(4);
        if (in.getInt(8) != 0 || in.getInt(12) != LatencySketch.SIGNIFICANT_DIGITS || in.getLong(16) != 1) {
            return false;
        }
        int end = HEADER_BYTES + payloadLength;
        long highestTrackable = in.getLong(24);
        if (highestTrackable > 0 && highestTrackable < Long.MAX_VALUE / 4) {
            target.ensureCapacity(Math.min(indexOf(highestTrackable) + 1, 4_096));
        }
        if (end > plain.length) {
            throw new DataFormatException("latency histogram payload is cut short");
        }
        int pos = HEADER_BYTES;
        int index = 0;
        while (pos < end) {
            long raw = 0;
            int shift = 0;
            int b;
            do {
                if (pos == end) {
                    throw new DataFormatException("latency histogram payload ends inside a number");
                }
                b = plain[pos++] & 0xff;
                if (shift == 56) {
                    raw |= (long) b << 56; // the ninth byte carries 8 bits
                    break;
                }
                raw |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            long value = (raw >>> 1) ^ -(raw & 1);
            if (value < 0) {
                index += (int) -value;
            } else {
                if (value > 0) {
                    target.add(index, value);
                }
                index++;
            }
        }
        return true;
    }

    /** Counts per counts-array index of a sketch (2 significant digits, lowest discernible value 1), grown as needed. */
    static final class IndexCounts {
        private long[] counts = new long[0];
        private int highest = -1;
        private int nonZero;
        private long total;

        void add(int index, long count) {
            if (index >= counts.length) {
                ensureCapacity(index + 1);
            }
            if (counts[index] == 0 && count != 0) {
                nonZero++;
            }
            counts[index] += count;
            highest = Math.max(highest, index);
            total += count;
        }

        /** Makes room for indexes below {@code length} (at least doubling, so that growing costs little). */
        void ensureCapacity(int length) {
            if (length > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(length, 2 * counts.length));
            }
        }

        void addAll(IndexCounts other) {
            ensureCapacity(other.highest + 1);
            for (int i = other.highest; i >= 0; i--) {
                if (other.counts[i] != 0) {
                    add(i, other.counts[i]);
                }
            }
        }

        long total() {
            return total;
        }

        boolean isEmpty() {
            return total == 0;
        }

        int nonZero() {
            return nonZero;
        }

        /** Records the counts into the histogram, highest first, so that an auto-resizing one resizes once. */
        void copyInto(Histogram histogram) {
            for (int i = highest; i >= 0; i--) {
                if (counts[i] != 0) {
                    histogram.recordValueWithCount(valueAt(i), counts[i]);
                }
            }
        }
    }

    /** The counts-array index of a value (HdrHistogram's, for 2 significant digits and lowest discernible value 1). */
    static int indexOf(long value) {
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (subBucket - SUB_BUCKET_HALF_COUNT);
    }

    /** The lowest value that lands in a counts-array index (2 significant digits, lowest discernible value 1). */
    static long valueAt(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }
}
