package lowrot.core;

/**
 * The hot loops of training, on flat arrays, writing into caller-supplied outputs and allocating
 * nothing. Pre-activations h_ij = v_j · x_i are recomputed in the backward pass instead of being
 * stored, so no n × m temporary exists.
 */
final class Kernel {
    private Kernel() {
    }

    /**
     * z[t] = y_i · s · g(x_i) for i = idx[t], t < count. Modified: z. Not modified: everything else.
     */
    static void signedOutputs(double[] x, double[] y, int d, int[] idx, int count, double[] a, double[] v, int m,
            double s, double[] z) {
        signedOutputs(x, y, d, idx, 0, count, a, v, m, s, z);
    }

    /** As above for t in [t0, t1) only (each z[t] depends on its own example alone). */
    static void signedOutputs(double[] x, double[] y, int d, int[] idx, int t0, int t1, double[] a, double[] v, int m,
            double s, double[] z) {
        if (d == 2) {
            // The plane is the common case; written out, the JIT keeps both coordinates in registers.
            // (0 + p) + q = p + q exactly, so these bits equal the general loop's.
            for (int t = t0; t < t1; t++) {
                int i = idx[t];
                double x0 = x[2 * i];
                double x1 = x[2 * i + 1];
                double g = 0;
                for (int j = 0; j < m; j++) {
                    // Branch-free: on scattered data "h > 0" is a coin flip the processor cannot predict.
                    // Adding a[j]·0 = ±0 leaves g's bits unchanged, so this equals the branching loop.
                    double h = v[2 * j] * x0 + v[2 * j + 1] * x1;
                    g += a[j] * Math.max(h, 0.0);
                }
                z[t] = y[i] * s * g;
            }
            return;
        }
        for (int t = t0; t < t1; t++) {
            int i = idx[t];
            int xo = i * d;
            double g = 0;
            for (int j = 0; j < m; j++) {
                int row = j * d;
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += v[row + k] * x[xo + k];
                }
                if (h > 0) {
                    g += a[j] * h;
                }
            }
            z[t] = y[i] * s * g;
        }
    }

    /**
     * Accumulates ga[j] = Σ_t c[t] σ(h_ij) and gv[j] = Σ_t c[t] a_j 1[h_ij > 0] x_i, where c[t] is
     * ∂(objective)/∂g(x_i) for i = idx[t]. Modified: ga, gv (overwritten). ReLU'(0) = 0.
     */
    static void backward(double[] x, int d, int[] idx, int count, double[] a, double[] v, int m, double[] c,
            double[] ga, double[] gv) {
        backward(x, d, idx, count, a, v, 0, m, c, ga, gv);
    }

    /**
     * As above for neurons j in [j0, j1) only. Each neuron's sums run over the examples in the same
     * order whatever the split, so any partition of the neurons gives the same bits.
     */
    static void backward(double[] x, int d, int[] idx, int count, double[] a, double[] v, int j0, int j1, double[] c,
            double[] ga, double[] gv) {
        java.util.Arrays.fill(ga, j0, j1, 0.0);
        java.util.Arrays.fill(gv, j0 * d, j1 * d, 0.0);
        if (d == 2) {
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
                    double active = h > 0 ? 1.0 : 0.0;
                    ga[j] += ct * Math.max(h, 0.0);
                    double coef = ct * a[j] * active;
                    gv[2 * j] += coef * x0;
                    gv[2 * j + 1] += coef * x1;
                }
            }
            return;
        }
        for (int t = 0; t < count; t++) {
            double ct = c[t];
            if (ct == 0.0) {
                continue;
            }
            int xo = idx[t] * d;
            for (int j = j0; j < j1; j++) {
                int row = j * d;
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += v[row + k] * x[xo + k];
                }
                if (h > 0) {
                    ga[j] += ct * h;
                    double coef = ct * a[j];
                    for (int k = 0; k < d; k++) {
                        gv[row + k] += coef * x[xo + k];
                    }
                }
            }
        }
    }

    /** ln Σ_t e^{w[t]} over t < count, without overflow; −∞ for an empty sum. */
    static double logSumExp(double[] w, int count) {
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
    static double logAddExp(double p, double q) {
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
