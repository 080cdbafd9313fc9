package lowrot.core.step;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The d &gt; 2 backward pass of the vector engine ({@link Kernel#backward}), 2L neurons at a time: per tile of
 * examples, first the coefficients c_t 1[h_tj &gt; 0] (from the forward pass's activity bits, or from h computed
 * again), then the sums G_j with their partial sums in registers. Same bits as the scalar loop
 * ({@link ScalarKernel#backward}): each G_jk is a chain of fused multiply-adds over the examples in order.
 */
final class VectorBackward {
    private static final jdk.incubator.vector.VectorSpecies<Double> S = VectorKernel.S;
    private static final jdk.incubator.vector.VectorSpecies<Long> LS = VectorKernel.LS;
    private static final int L = VectorKernel.L;
    /** Lane l's bit of vector p of a block of neurons: 1 &lt;&lt; (p·L + l). */
    private static final long[] LANE_BITS = laneBits();

    private VectorBackward() {}

    private static long[] laneBits() {
        long[] bits = new long[4 * L];
        for (int l = 0; l < 4 * L; l++) {
            bits[l] = 1L << l;
        }
        return bits;
    }

    private static double[] scratch(int slot, int size) {
        return VectorKernel.scratch(slot, size);
    }

    /** Examples per tile of the backward pass: their coefficients for 2L neurons stay in L1 (a few KB). */
    private static final int TILE = 32;

    /**
     * {@link Kernel#backward} for d &gt; 2 over neurons [j0, j1): with the activity bits 4L neurons at a time (four
     * vectors, one neuron per lane), then 2L; without them 2L at a time, computing h again; the rest (fewer than
     * 2L) by the scalar loop. {@code a} holds all m outer weights.
     */
    static void backward(
            double[] x,
            int d,
            int[] idx,
            int count,
            double[] a,
            double[] v,
            int j0,
            int j1,
            double[] c,
            double[] ga,
            double[] gv,
            long[] active) {
        int j = j0;
        int words = ActivityMask.words(a.length);
        if (active != null) {
            j = blocks(x, d, idx, count, v, j, j1, c, gv, active, words, 4);
        }
        j = blocks(x, d, idx, count, v, j, j1, c, gv, active, words, 2);
        ScalarKernel.finish(d, a, v, j0, j, ga, gv);
        if (j < j1) {
            ScalarKernel.backward(x, d, idx, count, a, v, j, j1, c, ga, gv);
        }
    }

    /**
     * The sums G_j (into gv's rows) for whole blocks of {@code vectors}·L neurons from j0, as many as fit before
     * j1; returns the first neuron not done. For each tile of {@link #TILE} examples (those with c_t ≠ 0, in
     * order) the first sweep stores the coefficient c_t 1[h_tj &gt; 0] per lane; the second adds coefficient ×
     * x_tk into G, {@link TileSums#COLUMNS} coordinates k at a time with their sums held in registers. Every G_jk takes
     * the examples in order, one fused multiply-add each (inactive lanes add +0 · x), so the bits are those of
     * the scalar loop. Without activity bits only blocks of 2L.
     */
    private static int blocks(
            double[] x,
            int d,
            int[] idx,
            int count,
            double[] v,
            int j0,
            int j1,
            double[] c,
            double[] gv,
            long[] active,
            int words,
            int vectors) {
        int w = vectors * L;
        int end = j0 + (j1 - j0) / w * w;
        double[] vt = scratch(0, d * w);
        double[] acc = scratch(2, d * w);
        double[] tile = scratch(1, TILE * w + w);
        int[] rows = ROWS.get();
        int[] offsets = OFFSETS.get();
        for (int jb = j0; jb < end; jb += w) {
            if (active == null) {
                for (int lane = 0; lane < w; lane++) {
                    int row = (jb + lane) * d;
                    for (int k = 0; k < d; k++) {
                        vt[k * w + lane] = v[row + k];
                    }
                }
            }
            java.util.Arrays.fill(acc, 0, d * w, 0.0);
            int t = 0;
            while (t < count) {
                int r = 0;
                for (; t < count && r < TILE; t++) {
                    if (c[t] != 0.0) {
                        rows[r++] = t;
                    }
                }
                if (active != null && vectors == 4) {
                    coefficientsWide(active, words, c, idx, d, rows, r, jb, tile, offsets);
                } else if (active != null) {
                    coefficientsNarrow(active, words, c, idx, d, rows, r, jb, tile, offsets);
                } else {
                    int q = coefficientPairs(x, d, idx, c, rows, r, vt, tile, offsets);
                    if (q < r) {
                        coefficientSingle(x, d, idx, c, rows, q, vt, tile, offsets);
                    }
                }
                if (vectors == 4) {
                    TileSums.addWide(x, d, tile, offsets, r, acc);
                } else {
                    TileSums.add(x, d, tile, offsets, r, acc, w);
                }
            }
            for (int lane = 0; lane < w; lane++) {
                int row = (jb + lane) * d;
                for (int k = 0; k < d; k++) {
                    gv[row + k] = acc[k * w + lane];
                }
            }
        }
        return end;
    }

    /*
     * The backward pass's vector work is split into small methods on purpose: JDK 17's compiler stops inlining the
     * Vector API's calls in a method with too many of them, and then allocates an object per vector operation.
     */

    /**
     * The first sweep of a tile from the activity bits, for four vectors of neurons from jb: for each row q, c_t
     * where neuron jb + lane is active on example t = rows[q] and +0 where not — the bits of c_t masked by all
     * ones or zero per lane: a set bit (1 &lt;&lt; l) &gt; 0 negated is &lt; 0, which the arithmetic shift turns into
     * all ones; a clear bit stays 0. No branch and no call with vector arguments: JDK 17 boxes vectors that pass
     * a call it does not inline, as it may not on a path it has rarely seen.
     */
    private static void coefficientsWide(
            long[] active,
            int words,
            double[] c,
            int[] idx,
            int d,
            int[] rows,
            int r,
            int jb,
            double[] tile,
            int[] offsets) {
        int w = 4 * L;
        LongVector lane0 = LongVector.fromArray(LS, LANE_BITS, 0);
        LongVector lane1 = LongVector.fromArray(LS, LANE_BITS, L);
        LongVector lane2 = LongVector.fromArray(LS, LANE_BITS, 2 * L);
        LongVector lane3 = LongVector.fromArray(LS, LANE_BITS, 3 * L);
        for (int q = 0; q < r; q++) {
            int t = rows[q];
            LongVector on = LongVector.broadcast(LS, ActivityMask.window(active, words, t, jb));
            LongVector ct = LongVector.broadcast(LS, Double.doubleToRawLongBits(c[t]));
            int o = q * w;
            ct.and(on.and(lane0).neg().lanewise(VectorOperators.ASHR, 63))
                    .reinterpretAsDoubles()
                    .intoArray(tile, o);
            ct.and(on.and(lane1).neg().lanewise(VectorOperators.ASHR, 63))
                    .reinterpretAsDoubles()
                    .intoArray(tile, o + L);
            ct.and(on.and(lane2).neg().lanewise(VectorOperators.ASHR, 63))
                    .reinterpretAsDoubles()
                    .intoArray(tile, o + 2 * L);
            ct.and(on.and(lane3).neg().lanewise(VectorOperators.ASHR, 63))
                    .reinterpretAsDoubles()
                    .intoArray(tile, o + 3 * L);
            offsets[q] = idx[t] * d;
        }
    }

    /** As {@link #coefficientsWide} for two vectors of neurons. */
    private static void coefficientsNarrow(
            long[] active,
            int words,
            double[] c,
            int[] idx,
            int d,
            int[] rows,
            int r,
            int jb,
            double[] tile,
            int[] offsets) {
        int w = 2 * L;
        LongVector lane0 = LongVector.fromArray(LS, LANE_BITS, 0);
        LongVector lane1 = LongVector.fromArray(LS, LANE_BITS, L);
        for (int q = 0; q < r; q++) {
            int t = rows[q];
            LongVector on = LongVector.broadcast(LS, ActivityMask.window(active, words, t, jb));
            LongVector ct = LongVector.broadcast(LS, Double.doubleToRawLongBits(c[t]));
            int o = q * w;
            ct.and(on.and(lane0).neg().lanewise(VectorOperators.ASHR, 63))
                    .reinterpretAsDoubles()
                    .intoArray(tile, o);
            ct.and(on.and(lane1).neg().lanewise(VectorOperators.ASHR, 63))
                    .reinterpretAsDoubles()
                    .intoArray(tile, o + L);
            offsets[q] = idx[t] * d;
        }
    }

    /**
     * The first sweep of a tile computing h again, two examples per pass (four independent dot-product chains):
     * for rows q, q + 1 of the tile, h_tj for the 2L neurons from the transposed weights vt and the coefficients
     * c_t 1[h_tj &gt; 0] into the tile. Returns the first row not done.
     */
    private static int coefficientPairs(
            double[] x, int d, int[] idx, double[] c, int[] rows, int r, double[] vt, double[] tile, int[] offsets) {
        int w = 2 * L;
        DoubleVector zero = DoubleVector.zero(S);
        int q = 0;
        for (; q + 1 < r; q += 2) {
            double ct = c[rows[q]];
            double cu = c[rows[q + 1]];
            int xo = idx[rows[q]] * d;
            int xu = idx[rows[q + 1]] * d;
            DoubleVector h0 = zero;
            DoubleVector h1 = zero;
            DoubleVector u0 = zero;
            DoubleVector u1 = zero;
            for (int k = 0; k < d; k++) {
                DoubleVector w0 = DoubleVector.fromArray(S, vt, k * w);
                DoubleVector w1 = DoubleVector.fromArray(S, vt, k * w + L);
                DoubleVector xk = DoubleVector.broadcast(S, x[xo + k]);
                DoubleVector xl = DoubleVector.broadcast(S, x[xu + k]);
                h0 = w0.fma(xk, h0);
                h1 = w1.fma(xk, h1);
                u0 = w0.fma(xl, u0);
                u1 = w1.fma(xl, u1);
            }
            LongVector cb = LongVector.broadcast(LS, Double.doubleToRawLongBits(ct));
            LongVector ub = LongVector.broadcast(LS, Double.doubleToRawLongBits(cu));
            cb.and(allOnesWhereActive(zero, h0)).reinterpretAsDoubles().intoArray(tile, q * w);
            cb.and(allOnesWhereActive(zero, h1)).reinterpretAsDoubles().intoArray(tile, q * w + L);
            ub.and(allOnesWhereActive(zero, u0)).reinterpretAsDoubles().intoArray(tile, (q + 1) * w);
            ub.and(allOnesWhereActive(zero, u1)).reinterpretAsDoubles().intoArray(tile, (q + 1) * w + L);
            offsets[q] = xo;
            offsets[q + 1] = xu;
        }
        return q;
    }

    /** The first sweep for the tile's last row q (as {@link #coefficientPairs}, one example). */
    private static void coefficientSingle(
            double[] x, int d, int[] idx, double[] c, int[] rows, int q, double[] vt, double[] tile, int[] offsets) {
        int w = 2 * L;
        DoubleVector zero = DoubleVector.zero(S);
        int xo = idx[rows[q]] * d;
        DoubleVector h0 = zero;
        DoubleVector h1 = zero;
        for (int k = 0; k < d; k++) {
            DoubleVector xk = DoubleVector.broadcast(S, x[xo + k]);
            h0 = DoubleVector.fromArray(S, vt, k * w).fma(xk, h0);
            h1 = DoubleVector.fromArray(S, vt, k * w + L).fma(xk, h1);
        }
        LongVector cb = LongVector.broadcast(LS, Double.doubleToRawLongBits(c[rows[q]]));
        cb.and(allOnesWhereActive(zero, h0)).reinterpretAsDoubles().intoArray(tile, q * w);
        cb.and(allOnesWhereActive(zero, h1)).reinterpretAsDoubles().intoArray(tile, q * w + L);
        offsets[q] = xo;
    }

    /** Per lane, all ones where the sign bit of 0 − h is set (h &gt; 0, {@link ActivityMask#bit}), else zero. */
    private static LongVector allOnesWhereActive(DoubleVector zero, DoubleVector h) {
        return ((LongVector) zero.sub(h).reinterpretAsLongs()).lanewise(VectorOperators.ASHR, 63);
    }

    /** Per-thread positions t of a tile's examples (those with c_t ≠ 0). */
    private static final ThreadLocal<int[]> ROWS = ThreadLocal.withInitial(() -> new int[TILE]);

    /** Per-thread offsets into x of a tile's examples. */
    private static final ThreadLocal<int[]> OFFSETS = ThreadLocal.withInitial(() -> new int[TILE]);
}
