package lowrot.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The d &gt; 2 step kernels of {@link Kernel} on SIMD lanes (the Vector API), with exactly the same bits.
 *
 * <p>Lanes never share a sum: the forward pass puts one example in each lane and the backward pass one
 * neuron, so every h_ij = Σ_k v_jk x_ik still runs over k in index order, every g(x_i) over j in order and every
 * gradient entry over the examples in order, each term one fused multiply-add as in the scalar loops. The lane
 * count (the machine's preferred species) therefore changes speed, never a bit. Loaded only when the module
 * {@code jdk.incubator.vector} is present ({@link Engine}).
 */
final class VectorKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, S.vectorShape());
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[L]);
    /** Per-thread scratch: the lanes' examples transposed (forward) or the neurons' weights transposed (backward). */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][0]);

    private VectorKernel() {}

    /** Doubles per vector on this machine. */
    static int lanes() {
        return L;
    }

    private static double[] scratch(int slot, int size) {
        double[][] s = SCRATCH.get();
        if (s[slot].length < size) {
            s[slot] = new double[size];
        }
        return s[slot];
    }

    /**
     * {@link Kernel#signedOutputs} for d &gt; 2 over t in [t0, t1): 2L examples at a time (two vectors, one example
     * per lane), then L, then the scalar loop. Each block is its own method: JDK 17's compiler stops inlining the
     * Vector API's calls in a method with too many of them, and then allocates an object per vector operation.
     */
    static void signedOutputs(
            double[] x,
            double[] y,
            int d,
            int[] idx,
            int t0,
            int t1,
            double[] a,
            double[] v,
            int m,
            double s,
            double[] z) {
        int t = t0;
        for (; t + 2 * L <= t1; t += 2 * L) {
            outputsWide(x, y, d, idx, t, a, v, m, s, z);
        }
        for (; t + L <= t1; t += L) {
            outputsNarrow(x, y, d, idx, t, a, v, m, s, z);
        }
        if (t < t1) {
            Kernel.scalarOutputs(x, y, d, idx, t, t1, a, v, m, s, z);
        }
    }

    /**
     * z for the 2L examples from t: two example vectors and two neurons per pass, four independent chains of fused
     * multiply-adds for the processor to overlap; each g still takes neuron j before j + 1.
     */
    private static void outputsWide(
            double[] x, double[] y, int d, int[] idx, int t, double[] a, double[] v, int m, double s, double[] z) {
        int w = 2 * L;
        double[] xt = scratch(0, 2 * d * L);
        double[] out = scratch(1, 2 * L);
        DoubleVector zero = DoubleVector.zero(S);
        for (int lane = 0; lane < w; lane++) {
            int xo = idx[t + lane] * d;
            for (int k = 0; k < d; k++) {
                xt[k * w + lane] = x[xo + k];
            }
        }
        DoubleVector g = zero;
        DoubleVector f = zero;
        int j = 0;
        for (; j + 1 < m; j += 2) {
            int row = j * d;
            DoubleVector h = zero;
            DoubleVector h1 = zero;
            DoubleVector e = zero;
            DoubleVector e1 = zero;
            for (int k = 0; k < d; k++) {
                DoubleVector xk = DoubleVector.fromArray(S, xt, k * w);
                DoubleVector xl = DoubleVector.fromArray(S, xt, k * w + L);
                DoubleVector vk = DoubleVector.broadcast(S, v[row + k]);
                DoubleVector vl = DoubleVector.broadcast(S, v[row + d + k]);
                h = xk.fma(vk, h);
                h1 = xk.fma(vl, h1);
                e = xl.fma(vk, e);
                e1 = xl.fma(vl, e1);
            }
            DoubleVector aj = DoubleVector.broadcast(S, a[j]);
            DoubleVector ak = DoubleVector.broadcast(S, a[j + 1]);
            g = h.max(zero).fma(aj, g);
            g = h1.max(zero).fma(ak, g);
            f = e.max(zero).fma(aj, f);
            f = e1.max(zero).fma(ak, f);
        }
        for (; j < m; j++) {
            int row = j * d;
            DoubleVector h = zero;
            DoubleVector e = zero;
            for (int k = 0; k < d; k++) {
                DoubleVector vk = DoubleVector.broadcast(S, v[row + k]);
                h = DoubleVector.fromArray(S, xt, k * w).fma(vk, h);
                e = DoubleVector.fromArray(S, xt, k * w + L).fma(vk, e);
            }
            DoubleVector aj = DoubleVector.broadcast(S, a[j]);
            g = h.max(zero).fma(aj, g);
            f = e.max(zero).fma(aj, f);
        }
        g.intoArray(out, 0);
        f.intoArray(out, L);
        for (int lane = 0; lane < w; lane++) {
            int i = idx[t + lane];
            z[t + lane] = y[i] * s * out[lane];
        }
    }

    /** z for the L examples from t: one vector, two neurons per pass. */
    private static void outputsNarrow(
            double[] x, double[] y, int d, int[] idx, int t, double[] a, double[] v, int m, double s, double[] z) {
        double[] xt = scratch(0, 2 * d * L);
        double[] out = scratch(1, 2 * L);
        DoubleVector zero = DoubleVector.zero(S);
        for (int lane = 0; lane < L; lane++) {
            int xo = idx[t + lane] * d;
            for (int k = 0; k < d; k++) {
                xt[k * L + lane] = x[xo + k];
            }
        }
        DoubleVector g = zero;
        int j = 0;
        // The last L to 2L − 1 examples: one vector, two neurons per pass; g still
        // takes neuron j before j + 1.
        for (; j + 1 < m; j += 2) {
            int row = j * d;
            DoubleVector h = zero;
            DoubleVector h1 = zero;
            for (int k = 0; k < d; k++) {
                DoubleVector xk = DoubleVector.fromArray(S, xt, k * L);
                h = xk.fma(DoubleVector.broadcast(S, v[row + k]), h);
                h1 = xk.fma(DoubleVector.broadcast(S, v[row + d + k]), h1);
            }
            g = h.max(zero).fma(DoubleVector.broadcast(S, a[j]), g);
            g = h1.max(zero).fma(DoubleVector.broadcast(S, a[j + 1]), g);
        }
        for (; j < m; j++) {
            int row = j * d;
            DoubleVector h = zero;
            for (int k = 0; k < d; k++) {
                h = DoubleVector.fromArray(S, xt, k * L).fma(DoubleVector.broadcast(S, v[row + k]), h);
            }
            g = h.max(zero).fma(DoubleVector.broadcast(S, a[j]), g);
        }
        g.intoArray(out, 0);
        for (int lane = 0; lane < L; lane++) {
            int i = idx[t + lane];
            z[t + lane] = y[i] * s * out[lane];
        }
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

    /**
     * The plane's forward pass ({@link Kernel#signedOutputs} for d = 2) over t in [t0, t1): 4L examples at a time,
     * one per lane, with the plane's own rounding: h = v_j0 x_0 + v_j1 x_1 (two rounded products, one rounded
     * sum), then g += a_j · max(h, 0), neurons in order. Four independent sums per pass keep the adder busy.
     */
    static void planeOutputs(
            double[] x, double[] y, int[] idx, int t0, int t1, double[] a, double[] v, int m, double s, double[] z) {
        double[] xt = scratch(0, 8 * L);
        double[] out = scratch(1, 4 * L);
        DoubleVector zero = DoubleVector.zero(S);
        int w = 4 * L;
        int t = t0;
        for (; t + w <= t1; t += w) {
            for (int lane = 0; lane < w; lane++) {
                int xo = 2 * idx[t + lane];
                xt[lane] = x[xo];
                xt[w + lane] = x[xo + 1];
            }
            DoubleVector p0 = DoubleVector.fromArray(S, xt, 0);
            DoubleVector p1 = DoubleVector.fromArray(S, xt, L);
            DoubleVector p2 = DoubleVector.fromArray(S, xt, 2 * L);
            DoubleVector p3 = DoubleVector.fromArray(S, xt, 3 * L);
            DoubleVector q0 = DoubleVector.fromArray(S, xt, w);
            DoubleVector q1 = DoubleVector.fromArray(S, xt, w + L);
            DoubleVector q2 = DoubleVector.fromArray(S, xt, w + 2 * L);
            DoubleVector q3 = DoubleVector.fromArray(S, xt, w + 3 * L);
            DoubleVector g0 = zero;
            DoubleVector g1 = zero;
            DoubleVector g2 = zero;
            DoubleVector g3 = zero;
            for (int j = 0; j < m; j++) {
                DoubleVector v0 = DoubleVector.broadcast(S, v[2 * j]);
                DoubleVector v1 = DoubleVector.broadcast(S, v[2 * j + 1]);
                DoubleVector aj = DoubleVector.broadcast(S, a[j]);
                g0 = g0.add(aj.mul(p0.mul(v0).add(q0.mul(v1)).max(zero)));
                g1 = g1.add(aj.mul(p1.mul(v0).add(q1.mul(v1)).max(zero)));
                g2 = g2.add(aj.mul(p2.mul(v0).add(q2.mul(v1)).max(zero)));
                g3 = g3.add(aj.mul(p3.mul(v0).add(q3.mul(v1)).max(zero)));
            }
            g0.intoArray(out, 0);
            g1.intoArray(out, L);
            g2.intoArray(out, 2 * L);
            g3.intoArray(out, 3 * L);
            for (int lane = 0; lane < w; lane++) {
                z[t + lane] = y[idx[t + lane]] * s * out[lane];
            }
        }
        if (t < t1) {
            Kernel.planeOutputs(x, y, idx, t, t1, a, v, m, s, z);
        }
    }

    /**
     * The plane's backward pass ({@link Kernel#backward} for d = 2) over neurons [j0, j1): 2L neurons at a time,
     * one per lane, each neuron's three sums over the examples in order with the plane's rounding:
     * ga += c_t · max(h, 0), and ∂v += (c_t a_j)·1[h &gt; 0] · x (an inactive lane adds +0, which leaves a sum
     * that starts at +0 unchanged).
     */
    static void planeBackward(
            double[] x,
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
        int full = j0 + (j1 - j0) / w * w;
        double[] vt = scratch(0, 2 * w);
        double[] out = scratch(1, 3 * w);
        DoubleVector zero = DoubleVector.zero(S);
        for (int jb = j0; jb < full; jb += w) {
            for (int lane = 0; lane < w; lane++) {
                vt[lane] = v[2 * (jb + lane)];
                vt[w + lane] = v[2 * (jb + lane) + 1];
            }
            DoubleVector u0 = DoubleVector.fromArray(S, vt, 0);
            DoubleVector u1 = DoubleVector.fromArray(S, vt, L);
            DoubleVector w0 = DoubleVector.fromArray(S, vt, w);
            DoubleVector w1 = DoubleVector.fromArray(S, vt, w + L);
            DoubleVector a0 = DoubleVector.fromArray(S, a, jb);
            DoubleVector a1 = DoubleVector.fromArray(S, a, jb + L);
            DoubleVector s0 = zero;
            DoubleVector s1 = zero;
            DoubleVector p0 = zero;
            DoubleVector p1 = zero;
            DoubleVector q0 = zero;
            DoubleVector q1 = zero;
            // Every example, c_t = 0 too (it adds exactly ±0): a branch here can keep C2 from compiling the
            // vectors into registers (JDK 17 then allocates a vector object per operation).
            for (int t = 0; t < count; t++) {
                double ct = c[t];
                int xo = 2 * idx[t];
                DoubleVector x0 = DoubleVector.broadcast(S, x[xo]);
                DoubleVector x1 = DoubleVector.broadcast(S, x[xo + 1]);
                DoubleVector cv = DoubleVector.broadcast(S, ct);
                DoubleVector h0 = u0.mul(x0).add(w0.mul(x1));
                DoubleVector h1 = u1.mul(x0).add(w1.mul(x1));
                s0 = s0.add(cv.mul(h0.max(zero)));
                s1 = s1.add(cv.mul(h1.max(zero)));
                DoubleVector c0 = zero.blend(cv.mul(a0), h0.compare(VectorOperators.GT, 0.0));
                DoubleVector c1 = zero.blend(cv.mul(a1), h1.compare(VectorOperators.GT, 0.0));
                p0 = p0.add(c0.mul(x0));
                q0 = q0.add(c0.mul(x1));
                p1 = p1.add(c1.mul(x0));
                q1 = q1.add(c1.mul(x1));
            }
            s0.intoArray(ga, jb);
            s1.intoArray(ga, jb + L);
            p0.intoArray(out, 0);
            p1.intoArray(out, L);
            q0.intoArray(out, w);
            q1.intoArray(out, w + L);
            for (int lane = 0; lane < w; lane++) {
                gv[2 * (jb + lane)] = out[lane];
                gv[2 * (jb + lane) + 1] = out[w + lane];
            }
        }
        if (full < j1) {
            Kernel.planeBackward(x, idx, count, a, v, full, j1, c, ga, gv);
        }
    }

    /**
     * {@code MetricsCalculator}'s training-set pass for d &gt; 2 over examples [i0, i1), L examples at a time: g(x_i),
     * the linearized change Σ_j [σ(h0) Δa_j + a0_j 1[h0 &gt; 0] (h − h0)] and the count of neurons whose activation
     * sign changed, each lane with the scalar loop's operations in its order. Returns the first example not done
     * (the caller finishes the rest with its scalar loop).
     */
    static int trainOutputs(
            double[] xs,
            int d,
            int i0,
            int i1,
            double[] a,
            double[] a0,
            double[] v,
            double[] v0,
            int m,
            double[] trainG,
            double[] trainTangent,
            int[] trainChanged) {
        double[] xt = scratch(0, d * L);
        double[] out = scratch(1, L);
        long[] counts = COUNTS.get();
        DoubleVector zero = DoubleVector.zero(S);
        LongVector noChange = LongVector.zero(LS);
        int i = i0;
        for (; i + L <= i1; i += L) {
            for (int lane = 0; lane < L; lane++) {
                int xo = (i + lane) * d;
                for (int k = 0; k < d; k++) {
                    xt[k * L + lane] = xs[xo + k];
                }
            }
            DoubleVector g = zero;
            DoubleVector t = zero;
            LongVector changed = noChange;
            for (int j = 0; j < m; j++) {
                int row = j * d;
                DoubleVector h = zero;
                DoubleVector h0 = zero;
                for (int k = 0; k < d; k++) {
                    DoubleVector xk = DoubleVector.fromArray(S, xt, k * L);
                    h = h.add(xk.mul(v[row + k]));
                    h0 = h0.add(xk.mul(v0[row + k]));
                }
                g = g.add(h.max(0.0).mul(a[j]));
                // tangentTerm: (a − a0)·max(h0, 0) + (h0 > 0 ? a0·(h − h0) : 0.0)
                DoubleVector p = h0.max(0.0).mul(a[j] - a0[j]);
                DoubleVector q = h.sub(h0)
                        .mul(a0[j])
                        .blend(zero, h0.compare(VectorOperators.GT, 0.0).not());
                t = t.add(p.add(q));
                // signsDiffer: the sign bits of h + 0.0 and h0 + 0.0 differ.
                LongVector sh = (LongVector) h.add(0.0).reinterpretAsLongs();
                LongVector sh0 = (LongVector) h0.add(0.0).reinterpretAsLongs();
                changed = changed.add(sh.lanewise(VectorOperators.XOR, sh0).lanewise(VectorOperators.LSHR, 63));
            }
            g.intoArray(trainG, i);
            t.intoArray(trainTangent, i);
            changed.intoArray(counts, 0);
            for (int lane = 0; lane < L; lane++) {
                trainChanged[i + lane] = (int) counts[lane];
            }
        }
        return i;
    }
}
