package lowrot.core.step;

/**
 * The activity pattern 1[h_ij &gt; 0] of one forward pass for d ≠ 2, one bit per (example, neuron), so that the
 * backward pass need not compute h_ij again. Row t (the t-th example of the pass) holds {@link #words} longs:
 * bit j &amp; 63 of word j / 64 is 1 exactly when neuron j is active on that example; the row's last word is padding
 * that stays zero, so that a window of up to 64 neurons can always be read from two adjacent words.
 *
 * <p>The bits are those of the same h_ij the backward pass would compute (the same fused multiply-adds in the
 * same order), so reading them instead changes no result: a trainer keeps a mask when it fits {@link #LIMIT}
 * and otherwise lets the backward pass recompute h.
 */
public final class ActivityMask {
    /** Longs a trainer may hold for the mask (64 MB): past this the backward pass recomputes h_ij. */
    static final long LIMIT = 1L << 23;

    private ActivityMask() {}

    /** Bytes of the mask a trainer holds for passes over {@code rows} examples of dimension d and m neurons. */
    public static long bytes(long rows, long m, long d) {
        if (d == 2) {
            return 0;
        }
        long size = rows * words((int) m);
        return size <= LIMIT ? 8 * size : 0;
    }

    /** Longs per example row for m neurons: one per 64 neurons, and one word of padding. */
    static int words(int m) {
        return (m + 63) / 64 + 1;
    }

    /** A mask for passes over up to {@code count} examples and m neurons, or null when it would exceed {@link #LIMIT}. */
    public static long[] forPasses(int count, int m) {
        long size = (long) count * words(m);
        return size <= LIMIT ? new long[(int) size] : null;
    }

    /** Whether neuron j is active on the example whose row starts at {@code row} (= t · words). */
    static boolean on(long[] active, int row, int j) {
        return ((active[row + (j >>> 6)] >>> j) & 1L) != 0;
    }

    /**
     * 1 when h &gt; 0, else 0 (also for h = ±0): the sign bit of 0 − h, the formula every kernel uses (the vector
     * lanes too), so that even a NaN h gets the same bit in the forward pass and in a recomputing backward pass.
     */
    static long bit(double h) {
        return Double.doubleToRawLongBits(0.0 - h) >>> 63;
    }

    /**
     * The activity bits of neurons j … j + 63 on the example of row t (bit l for neuron j + l; bits past the
     * width are 0), read from the two words that hold them.
     */
    static long window(long[] active, int words, int t, int j) {
        int at = t * words + (j >>> 6);
        int shift = j & 63;
        // (hi << 1) << (63 − shift) is hi << (64 − shift) for shift ≥ 1 and 0 for shift = 0, without a branch.
        return (active[at] >>> shift) | ((active[at + 1] << 1) << (63 - shift));
    }
}
