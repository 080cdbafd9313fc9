package lowrot.core.step;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The d &gt; 2 forward pass of {@link Kernel} (with its activity bits, {@link ActivityMask}) on SIMD lanes (the
 * Vector API), with exactly the same bits as {@link ScalarKernel}; the metrics' training-set pass with exactly the
 * same bits as {@link MetricsKernel} (its own order: rounded products, no fused multiply-add); and what the vector
 * engine's kernels share (species, lanes, scratch). The backward pass is {@link VectorBackward}, the plane's kernels
 * {@link VectorPlaneKernel}.
 *
 * <p>Lanes never share a sum: the forward pass puts one example in each lane and the backward pass one
 * neuron, so every h_ij = Σ_k v_jk x_ik still runs over k in index order, every g(x_i) over j in order and every
 * G_jk over the examples in order, each term one fused multiply-add as in the scalar loops (in the metrics pass a
 * rounded product and a rounded sum, as in {@link MetricsKernel}). The lane count (the
 * machine's preferred species) therefore changes speed, never a bit. Loaded only when the module
 * {@code jdk.incubator.vector} is present ({@link Engine}).
 */
public final class VectorKernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, S.vectorShape());
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[L]);
    /**
     * Per-thread scratch: the lanes' examples transposed, g's sums and a word's h vectors (forward), or the neurons'
     * weights transposed, a tile's coefficients and the sums G (backward).
     */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][0]);

    private VectorKernel() {}

    /** Doubles per vector on this machine. */
    static int lanes() {
        return L;
    }

    /** Per-thread scratch array {@code slot} (0 … 2) of at least {@code size} doubles. */
    static double[] scratch(int slot, int size) {
        double[][] s = SCRATCH.get();
        if (s[slot].length < size) {
            s[slot] = new double[size];
        }
        return s[slot];
    }

    /** Example vectors a forward block holds at most (4L examples). */
    private static final int BLOCK_VECTORS = 4;

    /**
     * {@link Kernel#signedOutputs} for d &gt; 2 over t in [t0, t1): 4L examples at a time (four vectors, one example
     * per lane), then the remaining whole vectors, then the scalar loop; with a mask, also rows [t0, t1) of the
     * activity pattern.
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
            double[] z,
            long[] active) {
        int t = t0;
        for (; t + BLOCK_VECTORS * L <= t1; t += BLOCK_VECTORS * L) {
            outputs(x, y, d, idx, t, BLOCK_VECTORS, a, v, m, s, z, active);
        }
        int vectors = (t1 - t) / L;
        if (vectors > 0) {
            outputs(x, y, d, idx, t, vectors, a, v, m, s, z, active);
            t += vectors * L;
        }
        if (t < t1) {
            ScalarKernel.outputs(x, y, d, idx, t, t1, a, v, m, s, z, active);
        }
    }

    /*
     * The forward pass's vector work is split into small methods that pass arrays, never vectors: JDK 17's compiler
     * stops inlining the Vector API's calls in a method with too many of them, and then allocates an object per
     * vector operation (measured: 75 MB per pass at n = 1,024, m = 4,096, d = 20, and a slower pass).
     */

    /**
     * z (and the activity bits) for the {@code vectors}·L examples from t, 64 neurons (one mask word) at a time:
     * first every h vector of the word into a scratch (hs), then {@link #finishWord} adds them into g in neuron
     * order and packs the bits; g's sums wait in scratch between words.
     */
    private static void outputs(
            double[] x,
            double[] y,
            int d,
            int[] idx,
            int t,
            int vectors,
            double[] a,
            double[] v,
            int m,
            double s,
            double[] z,
            long[] active) {
        int w = vectors * L;
        double[] xt = scratch(0, BLOCK_VECTORS * d * L);
        double[] sums = scratch(1, BLOCK_VECTORS * L);
        double[] hs = scratch(2, 64 * BLOCK_VECTORS * L);
        long[] bits = BITS.get();
        for (int lane = 0; lane < w; lane++) {
            int xo = idx[t + lane] * d;
            for (int k = 0; k < d; k++) {
                xt[k * w + lane] = x[xo + k];
            }
        }
        java.util.Arrays.fill(sums, 0, BLOCK_VECTORS * L, 0.0); // all four: finishWord adds into every one
        int words = ActivityMask.words(m);
        for (int j0 = 0; j0 < m; j0 += 64) {
            int j1 = Math.min(m, j0 + 64);
            int j = j0;
            if (vectors == BLOCK_VECTORS) {
                j = j0 + (j1 - j0) / 4 * 4;
                quads(xt, d, v, j0, j, hs);
            }
            for (int q = 0; q < vectors; q++) {
                column(xt, d, v, j, j1, q, w, hs);
            }
            finishWord(hs, a, j0, j1 - j0, sums, bits);
            if (active != null) {
                for (int lane = 0; lane < w; lane++) {
                    active[(t + lane) * words + (j0 >>> 6)] = bits[lane];
                }
            }
        }
        for (int lane = 0; lane < w; lane++) {
            int i = idx[t + lane];
            z[t + lane] = y[i] * s * sums[lane];
        }
    }

    /** Per-thread activity bits of a word's examples. */
    private static final ThreadLocal<long[]> BITS = ThreadLocal.withInitial(() -> new long[BLOCK_VECTORS * L]);

    /**
     * h for four example vectors × four neurons per pass, sixteen independent chains of fused multiply-adds (each
     * x and v value loaded once per four uses), for neurons [j0, j1) of one word (a multiple of four): neuron j's
     * vector q goes to hs at ((j mod 64)·4 + q)·L.
     */
    private static void quads(double[] xt, int d, double[] v, int j0, int j1, double[] hs) {
        int w = BLOCK_VECTORS * L;
        DoubleVector zero = DoubleVector.zero(S);
        for (int j = j0; j < j1; j += 4) {
            int row = j * d;
            DoubleVector h00 = zero, h01 = zero, h02 = zero, h03 = zero;
            DoubleVector h10 = zero, h11 = zero, h12 = zero, h13 = zero;
            DoubleVector h20 = zero, h21 = zero, h22 = zero, h23 = zero;
            DoubleVector h30 = zero, h31 = zero, h32 = zero, h33 = zero;
            for (int k = 0; k < d; k++) {
                int o = k * w;
                DoubleVector x0 = DoubleVector.fromArray(S, xt, o);
                DoubleVector x1 = DoubleVector.fromArray(S, xt, o + L);
                DoubleVector x2 = DoubleVector.fromArray(S, xt, o + 2 * L);
                DoubleVector x3 = DoubleVector.fromArray(S, xt, o + 3 * L);
                DoubleVector v0 = DoubleVector.broadcast(S, v[row + k]);
                DoubleVector v1 = DoubleVector.broadcast(S, v[row + d + k]);
                DoubleVector v2 = DoubleVector.broadcast(S, v[row + 2 * d + k]);
                DoubleVector v3 = DoubleVector.broadcast(S, v[row + 3 * d + k]);
                h00 = x0.fma(v0, h00);
                h01 = x1.fma(v0, h01);
                h02 = x2.fma(v0, h02);
                h03 = x3.fma(v0, h03);
                h10 = x0.fma(v1, h10);
                h11 = x1.fma(v1, h11);
                h12 = x2.fma(v1, h12);
                h13 = x3.fma(v1, h13);
                h20 = x0.fma(v2, h20);
                h21 = x1.fma(v2, h21);
                h22 = x2.fma(v2, h22);
                h23 = x3.fma(v2, h23);
                h30 = x0.fma(v3, h30);
                h31 = x1.fma(v3, h31);
                h32 = x2.fma(v3, h32);
                h33 = x3.fma(v3, h33);
            }
            int o = (j & 63) * w;
            h00.intoArray(hs, o);
            h01.intoArray(hs, o + L);
            h02.intoArray(hs, o + 2 * L);
            h03.intoArray(hs, o + 3 * L);
            h10.intoArray(hs, o + w);
            h11.intoArray(hs, o + w + L);
            h12.intoArray(hs, o + w + 2 * L);
            h13.intoArray(hs, o + w + 3 * L);
            h20.intoArray(hs, o + 2 * w);
            h21.intoArray(hs, o + 2 * w + L);
            h22.intoArray(hs, o + 2 * w + 2 * L);
            h23.intoArray(hs, o + 2 * w + 3 * L);
            h30.intoArray(hs, o + 3 * w);
            h31.intoArray(hs, o + 3 * w + L);
            h32.intoArray(hs, o + 3 * w + 2 * L);
            h33.intoArray(hs, o + 3 * w + 3 * L);
        }
    }

    /**
     * h of example vector q (of a block w lanes wide) for neurons [j, j1) of one word, two neurons per pass:
     * the neurons {@link #quads} left, or all of them in a block of fewer than four vectors.
     */
    private static void column(double[] xt, int d, double[] v, int j, int j1, int q, int w, double[] hs) {
        int stride = BLOCK_VECTORS * L;
        DoubleVector zero = DoubleVector.zero(S);
        for (; j + 1 < j1; j += 2) {
            int row = j * d;
            DoubleVector h0 = zero;
            DoubleVector h1 = zero;
            for (int k = 0; k < d; k++) {
                DoubleVector xk = DoubleVector.fromArray(S, xt, k * w + q * L);
                h0 = xk.fma(DoubleVector.broadcast(S, v[row + k]), h0);
                h1 = xk.fma(DoubleVector.broadcast(S, v[row + d + k]), h1);
            }
            int o = (j & 63) * stride + q * L;
            h0.intoArray(hs, o);
            h1.intoArray(hs, o + stride);
        }
        if (j < j1) {
            int row = j * d;
            DoubleVector h = zero;
            for (int k = 0; k < d; k++) {
                h = DoubleVector.fromArray(S, xt, k * w + q * L).fma(DoubleVector.broadcast(S, v[row + k]), h);
            }
            h.intoArray(hs, (j & 63) * stride + q * L);
        }
    }

    /**
     * Adds the word's {@code count} neurons from j0 into g and packs their activity bits, all four vectors' chains
     * at once so that they overlap (a block of fewer vectors computes the others from stale scratch and nobody
     * reads them). Written without helper calls: JDK 17 boxes vectors that pass a call it does not inline. Per lane, "active" is all ones where the sign bit of 0 − h is set ({@link ActivityMask#bit}):
     * then g = fma(h, a_j, g), else g = fma(+0, a_j, g) (σ(h) as the bits of h masked, which equals max(h, 0) for
     * every h but NaN, one neuron j before j + 1), and bit j of the lane's word is "active" masked by 1 &lt;&lt; j.
     */
    private static void finishWord(double[] hs, double[] a, int j0, int count, double[] sums, long[] bits) {
        int stride = BLOCK_VECTORS * L;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector g0 = DoubleVector.fromArray(S, sums, 0);
        DoubleVector g1 = DoubleVector.fromArray(S, sums, L);
        DoubleVector g2 = DoubleVector.fromArray(S, sums, 2 * L);
        DoubleVector g3 = DoubleVector.fromArray(S, sums, 3 * L);
        LongVector w0 = LongVector.zero(LS);
        LongVector w1 = LongVector.zero(LS);
        LongVector w2 = LongVector.zero(LS);
        LongVector w3 = LongVector.zero(LS);
        for (int j = 0; j < count; j++) {
            int o = j * stride;
            DoubleVector aj = DoubleVector.broadcast(S, a[j0 + j]);
            LongVector bit = LongVector.broadcast(LS, 1L << j);
            DoubleVector h0 = DoubleVector.fromArray(S, hs, o);
            DoubleVector h1 = DoubleVector.fromArray(S, hs, o + L);
            DoubleVector h2 = DoubleVector.fromArray(S, hs, o + 2 * L);
            DoubleVector h3 = DoubleVector.fromArray(S, hs, o + 3 * L);
            LongVector on0 = ((LongVector) zero.sub(h0).reinterpretAsLongs()).lanewise(VectorOperators.ASHR, 63);
            LongVector on1 = ((LongVector) zero.sub(h1).reinterpretAsLongs()).lanewise(VectorOperators.ASHR, 63);
            LongVector on2 = ((LongVector) zero.sub(h2).reinterpretAsLongs()).lanewise(VectorOperators.ASHR, 63);
            LongVector on3 = ((LongVector) zero.sub(h3).reinterpretAsLongs()).lanewise(VectorOperators.ASHR, 63);
            g0 = ((LongVector) h0.reinterpretAsLongs())
                    .and(on0)
                    .reinterpretAsDoubles()
                    .fma(aj, g0);
            g1 = ((LongVector) h1.reinterpretAsLongs())
                    .and(on1)
                    .reinterpretAsDoubles()
                    .fma(aj, g1);
            g2 = ((LongVector) h2.reinterpretAsLongs())
                    .and(on2)
                    .reinterpretAsDoubles()
                    .fma(aj, g2);
            g3 = ((LongVector) h3.reinterpretAsLongs())
                    .and(on3)
                    .reinterpretAsDoubles()
                    .fma(aj, g3);
            w0 = w0.or(on0.and(bit));
            w1 = w1.or(on1.and(bit));
            w2 = w2.or(on2.and(bit));
            w3 = w3.or(on3.and(bit));
        }
        g0.intoArray(sums, 0);
        g1.intoArray(sums, L);
        g2.intoArray(sums, 2 * L);
        g3.intoArray(sums, 3 * L);
        w0.intoArray(bits, 0);
        w1.intoArray(bits, L);
        w2.intoArray(bits, 2 * L);
        w3.intoArray(bits, 3 * L);
    }

    /**
     * {@link MetricsKernel}'s training-set pass for d &gt; 2 over examples [i0, i1), L examples at a time: g(x_i),
     * the linearized change Σ_j [σ(h0) Δa_j + a0_j 1[h0 &gt; 0] (h − h0)] and the count of neurons whose activation
     * sign changed, each lane with the scalar loop's operations in its order. Returns the first example not done
     * (the caller finishes the rest with its scalar loop).
     */
    public static int trainOutputs(
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
