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
 * gradient entry over the examples in order, each step a separately rounded multiply and add as in the scalar
 * loops. The lane count (the machine's preferred species) therefore changes speed, never a bit. Loaded only when
 * the module {@code jdk.incubator.vector} is present ({@link Engine}).
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

    /** {@link Kernel#signedOutputs} for d &gt; 2 over t in [t0, t1): L examples at a time, one per lane. */
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
        double[] xt = scratch(0, d * L);
        double[] out = scratch(1, L);
        DoubleVector zero = DoubleVector.zero(S);
        int t = t0;
        for (; t + L <= t1; t += L) {
            for (int lane = 0; lane < L; lane++) {
                int xo = idx[t + lane] * d;
                for (int k = 0; k < d; k++) {
                    xt[k * L + lane] = x[xo + k];
                }
            }
            DoubleVector g = zero;
            int j = 0;
            // Two neurons per pass: two independent chains of additions for the processor to overlap; g still
            // takes neuron j before j + 1.
            for (; j + 1 < m; j += 2) {
                int row = j * d;
                DoubleVector h = zero;
                DoubleVector h1 = zero;
                for (int k = 0; k < d; k++) {
                    DoubleVector xk = DoubleVector.fromArray(S, xt, k * L);
                    h = h.add(xk.mul(v[row + k]));
                    h1 = h1.add(xk.mul(v[row + d + k]));
                }
                g = g.add(h.max(0.0).mul(a[j]));
                g = g.add(h1.max(0.0).mul(a[j + 1]));
            }
            for (; j < m; j++) {
                int row = j * d;
                DoubleVector h = zero;
                for (int k = 0; k < d; k++) {
                    h = h.add(DoubleVector.fromArray(S, xt, k * L).mul(v[row + k]));
                }
                g = g.add(h.max(0.0).mul(a[j]));
            }
            g.intoArray(out, 0);
            for (int lane = 0; lane < L; lane++) {
                int i = idx[t + lane];
                z[t + lane] = y[i] * s * out[lane];
            }
        }
        if (t < t1) {
            Kernel.scalarOutputs(x, y, d, idx, t, t1, a, v, m, s, z);
        }
    }

    /** {@link Kernel#backward} for d &gt; 2 over neurons [j0, j1): L neurons at a time, one per lane. */
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
                    h = h.add(vk.mul(x[xo + k]));
                    h1 = h1.add(vk.mul(x[xo1 + k]));
                }
                if (ct != 0.0) {
                    sa = addExample(h, ct, aj, x, xo, d, acc, sa, zero);
                }
                if (ct1 != 0.0) {
                    sa = addExample(h1, ct1, aj, x, xo1, d, acc, sa, zero);
                }
            }
            for (; t < count; t++) {
                double ct = c[t];
                if (ct == 0.0) {
                    continue;
                }
                int xo = idx[t] * d;
                DoubleVector h = zero;
                for (int k = 0; k < d; k++) {
                    h = h.add(DoubleVector.fromArray(S, vt, k * L).mul(x[xo + k]));
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
        VectorMask<Double> off = h.compare(VectorOperators.GT, 0.0).not();
        DoubleVector coef = aj.mul(ct).blend(zero, off);
        for (int k = 0; k < d; k++) {
            DoubleVector.fromArray(S, acc, k * L).add(coef.mul(x[xo + k])).intoArray(acc, k * L);
        }
        return sa.add(h.mul(ct).blend(zero, off));
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
