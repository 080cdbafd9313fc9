package lowrot.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The d &gt; 2 backward pass of the vector engine ({@link Kernel#backward}), 2L neurons at a time: per tile of
 * examples, first the coefficients a_j c_t 1[h_tj &gt; 0], then the gradient with its sums in registers. Same
 * bits as the scalar loop: each gradient entry is a chain of fused multiply-adds over the examples in order.
 */
final class VectorBackward {
    private static final jdk.incubator.vector.VectorSpecies<Double> S = VectorKernel.S;
    private static final int L = VectorKernel.L;

    private VectorBackward() {}

    private static double[] scratch(int slot, int size) {
        return VectorKernel.scratch(slot, size);
    }

    /** Examples per tile of the backward pass: their coefficients for 2L neurons stay in L1 (a few KB). */
    private static final int TILE = 32;

    /** Gradient columns (input coordinates) whose sums the backward pass keeps in registers at once. */
    private static final int COLUMNS = 4;

    /**
     * {@link Kernel#backward} for d &gt; 2 over neurons [j0, j1): 2L neurons at a time (two vectors, one neuron per
     * lane), then L, then the scalar loop for the rest.
     *
     * <p>For each tile of {@link #TILE} examples (those with c_t ≠ 0, in order) the first sweep computes h_tj and
     * stores the coefficient a_j c_t 1[h_tj &gt; 0] per lane; the second adds coefficient × x_tk into the
     * gradient, {@link #COLUMNS} coordinates k at a time with their sums held in registers. Every gradient entry
     * still takes the examples in order, one fused multiply-add each, so the bits are those of the scalar loop
     * (inactive lanes add +0 · x, which leaves a sum that starts at +0 unchanged; ∂a's sums keep their value).
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
            double[] gv) {
        int w = 2 * L;
        int pairs = j0 + (j1 - j0) / w * w;
        double[] vt = scratch(0, d * w);
        double[] acc = scratch(2, d * w);
        double[] tile = scratch(1, TILE * w + w);
        int[] rows = ROWS.get();
        int[] offsets = OFFSETS.get();
        for (int jb = j0; jb < pairs; jb += w) {
            for (int lane = 0; lane < w; lane++) {
                int row = (jb + lane) * d;
                for (int k = 0; k < d; k++) {
                    vt[k * w + lane] = v[row + k];
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
                int q = coefficientPairs(x, d, idx, c, rows, r, vt, a, jb, tile, offsets, ga, w);
                if (q < r) {
                    coefficientSingle(x, d, idx, c, rows, q, vt, a, jb, tile, offsets, ga, w);
                }
                addTile(x, d, tile, offsets, r, acc, w);
            }
            for (int lane = 0; lane < w; lane++) {
                int row = (jb + lane) * d;
                for (int k = 0; k < d; k++) {
                    gv[row + k] = acc[k * w + lane];
                }
            }
        }
        if (pairs < j1) {
            backwardSingle(x, d, idx, count, a, v, pairs, j1, c, ga, gv);
        }
    }

    /*
     * The backward pass's vector work is split into small methods on purpose: JDK 17's compiler stops inlining the
     * Vector API's calls in a method with too many of them, and then allocates an object per vector operation.
     */

    /**
     * The first sweep of a tile, two examples per pass (four independent dot-product chains): for rows q, q + 1
     * of the tile, h_tj for the 2L neurons from jb, the coefficients a_j c_t 1[h_tj &gt; 0] into the tile and
     * c_t h_tj into ∂a's sums (ga[jb …], in example order). Returns the first row not done.
     */
    private static int coefficientPairs(
            double[] x,
            int d,
            int[] idx,
            double[] c,
            int[] rows,
            int r,
            double[] vt,
            double[] a,
            int jb,
            double[] tile,
            int[] offsets,
            double[] ga,
            int w) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector a0 = DoubleVector.fromArray(S, a, jb);
        DoubleVector a1 = DoubleVector.fromArray(S, a, jb + L);
        DoubleVector sa0 = DoubleVector.fromArray(S, ga, jb);
        DoubleVector sa1 = DoubleVector.fromArray(S, ga, jb + L);
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
                double xk = x[xo + k];
                double xl = x[xu + k];
                h0 = w0.fma(DoubleVector.broadcast(S, xk), h0);
                h1 = w1.fma(DoubleVector.broadcast(S, xk), h1);
                u0 = w0.fma(DoubleVector.broadcast(S, xl), u0);
                u1 = w1.fma(DoubleVector.broadcast(S, xl), u1);
            }
            VectorMask<Double> on0 = h0.compare(VectorOperators.GT, 0.0);
            VectorMask<Double> on1 = h1.compare(VectorOperators.GT, 0.0);
            zero.blend(a0.mul(ct), on0).intoArray(tile, q * w);
            zero.blend(a1.mul(ct), on1).intoArray(tile, q * w + L);
            sa0 = sa0.blend(h0.fma(DoubleVector.broadcast(S, ct), sa0), on0);
            sa1 = sa1.blend(h1.fma(DoubleVector.broadcast(S, ct), sa1), on1);
            VectorMask<Double> onu0 = u0.compare(VectorOperators.GT, 0.0);
            VectorMask<Double> onu1 = u1.compare(VectorOperators.GT, 0.0);
            zero.blend(a0.mul(cu), onu0).intoArray(tile, (q + 1) * w);
            zero.blend(a1.mul(cu), onu1).intoArray(tile, (q + 1) * w + L);
            sa0 = sa0.blend(u0.fma(DoubleVector.broadcast(S, cu), sa0), onu0);
            sa1 = sa1.blend(u1.fma(DoubleVector.broadcast(S, cu), sa1), onu1);
            offsets[q] = xo;
            offsets[q + 1] = xu;
        }
        sa0.intoArray(ga, jb);
        sa1.intoArray(ga, jb + L);
        return q;
    }

    /** The first sweep for the tile's last row q (as {@link #coefficientPairs}, one example). */
    private static void coefficientSingle(
            double[] x,
            int d,
            int[] idx,
            double[] c,
            int[] rows,
            int q,
            double[] vt,
            double[] a,
            int jb,
            double[] tile,
            int[] offsets,
            double[] ga,
            int w) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector a0 = DoubleVector.fromArray(S, a, jb);
        DoubleVector a1 = DoubleVector.fromArray(S, a, jb + L);
        DoubleVector sa0 = DoubleVector.fromArray(S, ga, jb);
        DoubleVector sa1 = DoubleVector.fromArray(S, ga, jb + L);
        double ct = c[rows[q]];
        int xo = idx[rows[q]] * d;
        DoubleVector h0 = zero;
        DoubleVector h1 = zero;
        for (int k = 0; k < d; k++) {
            double xk = x[xo + k];
            h0 = DoubleVector.fromArray(S, vt, k * w).fma(DoubleVector.broadcast(S, xk), h0);
            h1 = DoubleVector.fromArray(S, vt, k * w + L).fma(DoubleVector.broadcast(S, xk), h1);
        }
        VectorMask<Double> on0 = h0.compare(VectorOperators.GT, 0.0);
        VectorMask<Double> on1 = h1.compare(VectorOperators.GT, 0.0);
        zero.blend(a0.mul(ct), on0).intoArray(tile, q * w);
        zero.blend(a1.mul(ct), on1).intoArray(tile, q * w + L);
        sa0 = sa0.blend(h0.fma(DoubleVector.broadcast(S, ct), sa0), on0);
        sa1 = sa1.blend(h1.fma(DoubleVector.broadcast(S, ct), sa1), on1);
        offsets[q] = xo;
        sa0.intoArray(ga, jb);
        sa1.intoArray(ga, jb + L);
    }

    /** Per-thread positions t of a tile's examples (those with c_t ≠ 0). */
    private static final ThreadLocal<int[]> ROWS = ThreadLocal.withInitial(() -> new int[TILE]);

    /** Per-thread offsets into x of a tile's examples. */
    private static final ThreadLocal<int[]> OFFSETS = ThreadLocal.withInitial(() -> new int[TILE]);

    /**
     * acc[k·w + lane] += tile[r·w + lane] · x[rows[r] + k] for the tile's rows r in order: {@link #COLUMNS}
     * coordinates at a time, their 2·COLUMNS sums in registers across the whole tile.
     */
    private static void addTile(double[] x, int d, double[] tile, int[] rows, int count, double[] acc, int w) {
        int k = 0;
        for (; k + COLUMNS <= d; k += COLUMNS) {
            int o = k * w;
            DoubleVector s00 = DoubleVector.fromArray(S, acc, o);
            DoubleVector s01 = DoubleVector.fromArray(S, acc, o + L);
            DoubleVector s10 = DoubleVector.fromArray(S, acc, o + w);
            DoubleVector s11 = DoubleVector.fromArray(S, acc, o + w + L);
            DoubleVector s20 = DoubleVector.fromArray(S, acc, o + 2 * w);
            DoubleVector s21 = DoubleVector.fromArray(S, acc, o + 2 * w + L);
            DoubleVector s30 = DoubleVector.fromArray(S, acc, o + 3 * w);
            DoubleVector s31 = DoubleVector.fromArray(S, acc, o + 3 * w + L);
            for (int r = 0; r < count; r++) {
                DoubleVector c0 = DoubleVector.fromArray(S, tile, r * w);
                DoubleVector c1 = DoubleVector.fromArray(S, tile, r * w + L);
                int xo = rows[r] + k;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                double x2 = x[xo + 2];
                double x3 = x[xo + 3];
                s00 = c0.fma(DoubleVector.broadcast(S, x0), s00);
                s01 = c1.fma(DoubleVector.broadcast(S, x0), s01);
                s10 = c0.fma(DoubleVector.broadcast(S, x1), s10);
                s11 = c1.fma(DoubleVector.broadcast(S, x1), s11);
                s20 = c0.fma(DoubleVector.broadcast(S, x2), s20);
                s21 = c1.fma(DoubleVector.broadcast(S, x2), s21);
                s30 = c0.fma(DoubleVector.broadcast(S, x3), s30);
                s31 = c1.fma(DoubleVector.broadcast(S, x3), s31);
            }
            s00.intoArray(acc, o);
            s01.intoArray(acc, o + L);
            s10.intoArray(acc, o + w);
            s11.intoArray(acc, o + w + L);
            s20.intoArray(acc, o + 2 * w);
            s21.intoArray(acc, o + 2 * w + L);
            s30.intoArray(acc, o + 3 * w);
            s31.intoArray(acc, o + 3 * w + L);
        }
        for (; k < d; k++) {
            int o = k * w;
            DoubleVector s0 = DoubleVector.fromArray(S, acc, o);
            DoubleVector s1 = DoubleVector.fromArray(S, acc, o + L);
            for (int r = 0; r < count; r++) {
                double xk = x[rows[r] + k];
                s0 = DoubleVector.fromArray(S, tile, r * w).fma(DoubleVector.broadcast(S, xk), s0);
                s1 = DoubleVector.fromArray(S, tile, r * w + L).fma(DoubleVector.broadcast(S, xk), s1);
            }
            s0.intoArray(acc, o);
            s1.intoArray(acc, o + L);
        }
    }

    /** The backward pass over neurons [j0, j1), L at a time (one vector), the rest by the scalar loop. */
    private static void backwardSingle(
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
            double[] gv) {
        int full = j0 + (j1 - j0) / L * L;
        double[] vt = scratch(0, d * L);
        double[] acc = scratch(2, d * L);
        double[] out = scratch(1, L);
        DoubleVector zero = DoubleVector.zero(S);
        for (int jb = j0; jb < full; jb += L) {
            for (int lane = 0; lane < L; lane++) {
                int row = (jb + lane) * d;
                for (int k = 0; k < d; k++) {
                    vt[k * L + lane] = v[row + k];
                }
            }
            java.util.Arrays.fill(acc, 0, d * L, 0.0);
            DoubleVector aj = DoubleVector.fromArray(S, a, jb);
            DoubleVector sa = zero;
            int t = 0;
            // Two examples per pass: their dot products are independent chains the processor overlaps; the
            // sums still take example t before t + 1.
            for (; t + 1 < count; t += 2) {
                double ct = c[t];
                double ct1 = c[t + 1];
                int xo = idx[t] * d;
                int xo1 = idx[t + 1] * d;
                DoubleVector h = zero;
                DoubleVector h1 = zero;
                for (int k = 0; k < d; k++) {
                    DoubleVector vk = DoubleVector.fromArray(S, vt, k * L);
                    h = vk.fma(DoubleVector.broadcast(S, x[xo + k]), h);
                    h1 = vk.fma(DoubleVector.broadcast(S, x[xo1 + k]), h1);
                }
                // No test of c_t = 0 here: such an example adds exactly ±0, and a branch around vector code
                // can keep C2 from compiling the vectors into registers.
                sa = addExample(h, ct, aj, x, xo, d, acc, sa, zero);
                sa = addExample(h1, ct1, aj, x, xo1, d, acc, sa, zero);
            }
            for (; t < count; t++) {
                double ct = c[t];
                int xo = idx[t] * d;
                DoubleVector h = zero;
                for (int k = 0; k < d; k++) {
                    h = DoubleVector.fromArray(S, vt, k * L).fma(DoubleVector.broadcast(S, x[xo + k]), h);
                }
                sa = addExample(h, ct, aj, x, xo, d, acc, sa, zero);
            }
            sa.intoArray(out, 0);
            for (int lane = 0; lane < L; lane++) {
                int j = jb + lane;
                ga[j] = out[lane];
                for (int k = 0; k < d; k++) {
                    gv[j * d + k] = acc[k * L + lane];
                }
            }
        }
        if (full < j1) {
            Kernel.scalarBackward(x, d, idx, count, a, v, full, j1, c, ga, gv);
        }
    }

    /**
     * Adds one example's share to L neurons' gradients (ga's sums returned, ∂v's in acc, transposed); inactive
     * lanes add +0 (ct·0, or coef·x with coef = 0 there), which leaves a sum's bits unchanged.
     */
    private static DoubleVector addExample(
            DoubleVector h,
            double ct,
            DoubleVector aj,
            double[] x,
            int xo,
            int d,
            double[] acc,
            DoubleVector sa,
            DoubleVector zero) {
        VectorMask<Double> on = h.compare(VectorOperators.GT, 0.0);
        DoubleVector coef = zero.blend(aj.mul(ct), on);
        for (int k = 0; k < d; k++) {
            coef.fma(DoubleVector.broadcast(S, x[xo + k]), DoubleVector.fromArray(S, acc, k * L))
                    .intoArray(acc, k * L);
        }
        return sa.blend(h.fma(DoubleVector.broadcast(S, ct), sa), on);
    }
}
