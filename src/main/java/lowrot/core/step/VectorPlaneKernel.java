package lowrot.core.step;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The plane's (d = 2) forward and backward passes on SIMD lanes, with the plane's own rounding (two rounded
 * products and a rounded sum per h), bit for bit the scalar plane loops of {@link Kernel}.
 */
final class VectorPlaneKernel {
    private static final jdk.incubator.vector.VectorSpecies<Double> S = VectorKernel.S;
    private static final int L = VectorKernel.L;

    private VectorPlaneKernel() {}

    private static double[] scratch(int slot, int size) {
        return VectorKernel.scratch(slot, size);
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
}
