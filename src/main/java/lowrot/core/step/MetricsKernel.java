package lowrot.core.step;

/**
 * The metrics' pass over the training set: for every example the output g(x_i), the tangent term of the
 * displacement and the count of neurons whose activation sign changed since initialization. Its own documented
 * order, not the step's: h = Σ_k v_jk x_ik over k in index order and g = Σ_j a_j σ(h_ij) over j in order, every term
 * a rounded product added with a second rounding (no fused multiply-add), in the plane and for d &gt; 2 alike. The
 * vector engine ({@link VectorKernel#trainOutputs}) reproduces it on SIMD lanes, one example per lane, bit for bit.
 */
public final class MetricsKernel {
    private MetricsKernel() {}

    /**
     * Into trainG, trainChanged and trainTangent for i in [i0, i1): g(x_i), the number of neurons whose activation on
     * x_i differs from initialization, and the linearized change Σ_j [σ(h0_j) Δa_j + a0_j 1[h0_j > 0] (h_j − h0_j)] (h = v·x, h0 = v0·x), for i in [i0, i1).
     */
    public static void trainOutputs(
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
        if (d == 2) {
            // The plane written out; (0 + p) + q = p + q, so the bits equal those of the loop below for d = 2.
            for (int i = i0; i < i1; i++) {
                double x0 = xs[2 * i];
                double x1 = xs[2 * i + 1];
                double g = 0;
                double t = 0;
                int changed = 0;
                for (int j = 0; j < m; j++) {
                    double h = v[2 * j] * x0 + v[2 * j + 1] * x1;
                    double h0 = v0[2 * j] * x0 + v0[2 * j + 1] * x1;
                    g += a[j] * Math.max(h, 0.0);
                    t += tangentTerm(a[j], a0[j], h, h0);
                    changed += signsDiffer(h, h0);
                }
                trainG[i] = g;
                trainTangent[i] = t;
                trainChanged[i] = changed;
            }
            return;
        }
        int from = i0;
        if (Engine.current() == Engine.VECTOR) {
            // The same operations per example on SIMD lanes, the same bits; the scalar loop finishes the rest.
            from = VectorKernel.trainOutputs(xs, d, i0, i1, a, a0, v, v0, m, trainG, trainTangent, trainChanged);
        }
        for (int i = from; i < i1; i++) {
            int xo = i * d;
            double g = 0;
            double t = 0;
            int changed = 0;
            for (int j = 0; j < m; j++) {
                int row = j * d;
                double h = 0;
                double h0 = 0;
                for (int k = 0; k < d; k++) {
                    double xk = xs[xo + k];
                    h += v[row + k] * xk;
                    h0 += v0[row + k] * xk;
                }
                // Branch-free (the signs are unpredictable); adding a_j·0 = ±0 leaves g's bits unchanged.
                g += a[j] * Math.max(h, 0.0);
                t += tangentTerm(a[j], a0[j], h, h0);
                changed += signsDiffer(h, h0);
            }
            trainG[i] = g;
            trainTangent[i] = t;
            trainChanged[i] = changed;
        }
    }

    /** One neuron's term of ⟨∇g(x; W₀), W − W₀⟩: σ(h0) Δa + a0 · 1[h0 &gt; 0] · (h − h0), with ReLU'(0) = 0. */
    static double tangentTerm(double a, double a0, double h, double h0) {
        return (a - a0) * Math.max(h0, 0.0) + (h0 > 0 ? a0 * (h - h0) : 0.0);
    }

    /**
     * 1 when exactly one of h, h0 is negative, else 0 — that is, 1[h ≥ 0] ≠ 1[h0 ≥ 0] — without a
     * branch the processor would mispredict: the sign bits after adding +0.0, which turns −0.0 into +0.0.
     */
    public static int signsDiffer(double h, double h0) {
        return (int) ((Double.doubleToRawLongBits(h + 0.0) ^ Double.doubleToRawLongBits(h0 + 0.0)) >>> 63);
    }
}
