package lowrot.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The d &gt; 2 forward pass and the metrics' training-set pass of {@link Kernel} on SIMD lanes (the Vector API),
 * with exactly the same bits, and what the vector engine's kernels share (species, lanes, scratch); the backward
 * pass is {@link VectorBackward}, the plane's kernels {@link VectorPlaneKernel}.
 *
 * <p>Lanes never share a sum: the forward pass puts one example in each lane and the backward pass one
 * neuron, so every h_ij = Σ_k v_jk x_ik still runs over k in index order, every g(x_i) over j in order and every
 * gradient entry over the examples in order, each term one fused multiply-add as in the scalar loops. The lane
 * count (the machine's preferred species) therefore changes speed, never a bit. Loaded only when the module
 * {@code jdk.incubator.vector} is present ({@link Engine}).
 */
final class VectorKernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, S.vectorShape());
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[L]);
    /** Per-thread scratch: the lanes' examples transposed (forward) or the neurons' weights transposed (backward). */
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
