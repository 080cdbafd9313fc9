package lowrot.core.step;

/**
 * The hot loops of training, on flat arrays, writing into caller-supplied outputs and allocating
 * nothing. No n × m temporary exists: for d ≠ 2 the forward pass may keep the activity bits
 * 1[h_ij &gt; 0] ({@link ActivityMask}, n·m/8 bytes) for the backward pass, which otherwise computes h_ij
 * again (the same bits either way).
 *
 * <p>The order of every sum is fixed and documented, and no thread count or lane count changes it:
 * h_ij = Σ_k v_jk x_ik over k in index order; g(x_i) = Σ_j a_j σ(h_ij) over j in index order.
 * In the plane (d = 2) every term is a rounded product added with a second rounding, and the gradient
 * sums ∂a_j = Σ_t c_t σ(h_tj) and ∂v_jk = Σ_t (c_t a_j) 1[h_tj &gt; 0] x_tk run over the examples in order.
 * For d ≠ 2 every term is one fused multiply-add ({@link Math#fma}, a single rounding), which the
 * vector engine's lanes reproduce bit for bit, and the gradient is formed from one sum per entry
 * G_jk = Σ_t c_t 1[h_tj &gt; 0] x_tk (over the examples with c_t ≠ 0, in order; an inactive pair adds
 * +0 · x_tk) as ∂v_jk = a_j G_jk and ∂a_j = Σ_k v_jk G_jk (over k in order, from +0) — since
 * Σ_t c_t σ(h_tj) = v_j · G_j, so that ∂a needs no h.
 */
public final class Kernel {
    private Kernel() {}

    /**
     * z[t] = y_i · s · g(x_i) for i = idx[t], t in [t0, t1) (each z[t] depends on its own example alone).
     * Modified: z (and {@code active}). Not modified: everything else. For the plane, {@code branching} picks the loop that tests "h > 0" (fast when the
     * test is predictable, as on parity data with its four distinct points) instead of the
     * branch-free one (fast on scattered data). Both give the same bits. The vector engine has one
     * branch-free plane kernel on SIMD lanes ({@link VectorPlaneKernel#planeOutputs}) and ignores the choice.
     * For d ≠ 2 a non-null {@code active} receives rows [t0, t1) of the activity pattern (the plane ignores it).
     */
    public static void signedOutputs(
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
            boolean branching,
            long[] active) {
        if (d == 2 && branching && Engine.current() != Engine.VECTOR) {
            for (int t = t0; t < t1; t++) {
                int i = idx[t];
                double x0 = x[2 * i];
                double x1 = x[2 * i + 1];
                double g = 0;
                for (int j = 0; j < m; j++) {
                    double h = v[2 * j] * x0 + v[2 * j + 1] * x1;
                    if (h > 0) {
                        g += a[j] * h;
                    }
                }
                z[t] = y[i] * s * g;
            }
            return;
        }
        if (d == 2) {
            if (Engine.current() == Engine.VECTOR) {
                VectorPlaneKernel.planeOutputs(x, y, idx, t0, t1, a, v, m, s, z);
            } else {
                planeOutputs(x, y, idx, t0, t1, a, v, m, s, z);
            }
            return;
        }
        if (Engine.current() == Engine.VECTOR) {
            VectorKernel.signedOutputs(x, y, d, idx, t0, t1, a, v, m, s, z, active);
        } else {
            ScalarKernel.outputs(x, y, d, idx, t0, t1, a, v, m, s, z, active);
        }
    }

    /** The plane's branch-free forward pass over t in [t0, t1), on one lane: the reference of the vector engine. */
    static void planeOutputs(
            double[] x, double[] y, int[] idx, int t0, int t1, double[] a, double[] v, int m, double s, double[] z) {
        // The plane is the common case; written out, the JIT keeps both coordinates in registers.
        // h = v₀x₀ + v₁x₁ with each product rounded: the plane's own order (d ≠ 2 uses fused multiply-adds,
        // so the two orders differ in the last bits). Branch-free: on
        // scattered data "h > 0" is a coin flip the processor cannot predict; adding a[j]·0 = ±0
        // leaves a sum's bits unchanged. Four examples at a time: four independent sums.
        int t = t0;
        for (; t + 3 < t1; t += 4) {
            int i0 = 2 * idx[t];
            int i1 = 2 * idx[t + 1];
            int i2 = 2 * idx[t + 2];
            int i3 = 2 * idx[t + 3];
            double p0 = x[i0];
            double q0 = x[i0 + 1];
            double p1 = x[i1];
            double q1 = x[i1 + 1];
            double p2 = x[i2];
            double q2 = x[i2 + 1];
            double p3 = x[i3];
            double q3 = x[i3 + 1];
            double g0 = 0;
            double g1 = 0;
            double g2 = 0;
            double g3 = 0;
            for (int j = 0; j < m; j++) {
                double vj0 = v[2 * j];
                double vj1 = v[2 * j + 1];
                double aj = a[j];
                g0 += aj * Math.max(vj0 * p0 + vj1 * q0, 0.0);
                g1 += aj * Math.max(vj0 * p1 + vj1 * q1, 0.0);
                g2 += aj * Math.max(vj0 * p2 + vj1 * q2, 0.0);
                g3 += aj * Math.max(vj0 * p3 + vj1 * q3, 0.0);
            }
            z[t] = y[idx[t]] * s * g0;
            z[t + 1] = y[idx[t + 1]] * s * g1;
            z[t + 2] = y[idx[t + 2]] * s * g2;
            z[t + 3] = y[idx[t + 3]] * s * g3;
        }
        for (; t < t1; t++) {
            int i = idx[t];
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            double g = 0;
            for (int j = 0; j < m; j++) {
                double h = v[2 * j] * x0 + v[2 * j + 1] * x1;
                g += a[j] * Math.max(h, 0.0);
            }
            z[t] = y[i] * s * g;
        }
    }

    /**
     * Accumulates ga[j] = Σ_t c[t] σ(h_ij) and gv[j] = Σ_t c[t] a_j 1[h_ij > 0] x_i, where c[t] is
     * ∂(objective)/∂g(x_i) for i = idx[t]. Modified: ga, gv (overwritten). ReLU'(0) = 0.
     * Neurons j in [j0, j1) only: each neuron's sums run over the examples in the same order whatever the split,
     * so any partition of the neurons gives the same bits. {@code branching} as in {@link #signedOutputs} (same
     * bits either way). For d ≠ 2, {@code active}, when not null, holds the activity pattern of the forward pass
     * over the same examples and weights (rows 0 … count − 1), which both engines read instead of computing h again.
     */
    public static void backward(
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
            boolean branching,
            long[] active) {
        java.util.Arrays.fill(ga, j0, j1, 0.0);
        java.util.Arrays.fill(gv, j0 * d, j1 * d, 0.0);
        if (d == 2 && branching && Engine.current() != Engine.VECTOR) {
            for (int t = 0; t < count; t++) {
                double ct = c[t];
                if (ct == 0.0) {
                    continue;
                }
                int xo = idx[t] * 2;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                for (int j = j0; j < j1; j++) {
                    double h = v[2 * j] * x0 + v[2 * j + 1] * x1;
                    if (h > 0) {
                        ga[j] += ct * h;
                        double coef = ct * a[j];
                        gv[2 * j] += coef * x0;
                        gv[2 * j + 1] += coef * x1;
                    }
                }
            }
            return;
        }
        if (d == 2) {
            if (Engine.current() == Engine.VECTOR) {
                VectorPlaneKernel.planeBackward(x, idx, count, a, v, j0, j1, c, ga, gv);
            } else {
                planeBackward(x, idx, count, a, v, j0, j1, c, ga, gv);
            }
            return;
        }
        if (Engine.current() == Engine.VECTOR) {
            VectorBackward.backward(x, d, idx, count, a, v, j0, j1, c, ga, gv, active);
        } else {
            ScalarKernel.backward(x, d, idx, count, a, v, j0, j1, c, ga, gv, active);
        }
    }

    /**
     * The plane's branch-free backward pass over neurons [j0, j1), on one lane (ga and gv already zero there): the
     * reference of the vector engine.
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
        // Branch-free, two neurons at a time, each neuron's three sums held in registers over all
        // examples (in example order, as every other form). An example with c = 0 or an inactive
        // neuron adds ±0, which leaves a sum's bits unchanged (a sum that starts at +0 is never −0).
        int j = j0;
        for (; j + 1 < j1; j += 2) {
            double v00 = v[2 * j];
            double v01 = v[2 * j + 1];
            double v10 = v[2 * j + 2];
            double v11 = v[2 * j + 3];
            double a0 = a[j];
            double a1 = a[j + 1];
            double s0 = 0;
            double s1 = 0;
            double p0 = 0;
            double q0 = 0;
            double p1 = 0;
            double q1 = 0;
            for (int t = 0; t < count; t++) {
                double ct = c[t];
                int xo = idx[t] * 2;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                double h0 = v00 * x0 + v01 * x1;
                double h1 = v10 * x0 + v11 * x1;
                s0 += ct * Math.max(h0, 0.0);
                s1 += ct * Math.max(h1, 0.0);
                double c0 = ct * a0 * active(h0);
                double c1 = ct * a1 * active(h1);
                p0 += c0 * x0;
                q0 += c0 * x1;
                p1 += c1 * x0;
                q1 += c1 * x1;
            }
            ga[j] = s0;
            ga[j + 1] = s1;
            gv[2 * j] = p0;
            gv[2 * j + 1] = q0;
            gv[2 * j + 2] = p1;
            gv[2 * j + 3] = q1;
        }
        for (; j < j1; j++) {
            double v00 = v[2 * j];
            double v01 = v[2 * j + 1];
            double a0 = a[j];
            double s0 = 0;
            double p0 = 0;
            double q0 = 0;
            for (int t = 0; t < count; t++) {
                double ct = c[t];
                int xo = idx[t] * 2;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                double h0 = v00 * x0 + v01 * x1;
                s0 += ct * Math.max(h0, 0.0);
                double c0 = ct * a0 * active(h0);
                p0 += c0 * x0;
                q0 += c0 * x1;
            }
            ga[j] = s0;
            gv[2 * j] = p0;
            gv[2 * j + 1] = q0;
        }
    }

    /**
     * 1.0 when h > 0, else 0.0 (also for h = ±0), without a branch: the sign bit of 0 − h, which is
     * +0 for h = ±0.
     */
    static double active(double h) {
        return ActivityMask.bit(h);
    }

    /** ln Σ_t e^{w[t]} over t &lt; count, without overflow; −∞ for an empty sum. */
    public static double logSumExp(double[] w, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < count; t++) {
            max = Math.max(max, w[t]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int t = 0; t < count; t++) {
            sum += Math.exp(w[t] - max);
        }
        return max + Math.log(sum);
    }

    /** ln(e^p + e^q) without overflow. */
    public static double logAddExp(double p, double q) {
        if (p == Double.NEGATIVE_INFINITY) {
            return q;
        }
        if (q == Double.NEGATIVE_INFINITY) {
            return p;
        }
        double max = Math.max(p, q);
        return max + Math.log1p(Math.exp(-Math.abs(p - q)));
    }
}
