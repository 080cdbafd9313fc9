package lowrot.core.margin;

/**
 * Dual weights for the margin program when the simplex method gives none: min over q on the simplex of
 * max_k |Σ_i q_i F_ik|, a matrix game, by Nemirovski's mirror-prox with entropy on both players (q over the rows, p
 * over the 2·cols signed columns). The average of the half-step iterates q has a duality gap of at most
 * L (ln rows + ln 2cols) / (η N) after N iterations with η = 1/L, L = max |F_ik|; the solver stops by that count
 * only. Any q on the simplex is a valid dual (its pricing maximum bounds γ_gl from above), so this decides only how
 * tight the bound is, never whether it holds. Sums run in index order.
 */
final class MatrixGame {
    private MatrixGame() {}

    /** q on the simplex for the rows × cols matrix F (row-major), after {@code iterations} mirror-prox steps. */
    static double[] solve(double[] f, int rows, int cols, int iterations) {
        double lipschitz = 0;
        for (double v : f) {
            lipschitz = Math.max(lipschitz, Math.abs(v));
        }
        double[] uniform = new double[rows];
        java.util.Arrays.fill(uniform, 1.0 / rows);
        if (!(lipschitz > 0)) {
            return uniform;
        }
        double eta = 1 / lipschitz;
        double[] q = uniform.clone();
        double[] p = new double[2 * cols];
        java.util.Arrays.fill(p, 1.0 / (2 * cols));
        double[] qHalf = new double[rows];
        double[] pHalf = new double[2 * cols];
        double[] gq = new double[rows];
        double[] gp = new double[2 * cols];
        double[] average = new double[rows];
        for (int it = 0; it < iterations; it++) {
            gradients(f, rows, cols, q, p, gq, gp);
            step(q, gq, -eta, qHalf);
            step(p, gp, eta, pHalf);
            gradients(f, rows, cols, qHalf, pHalf, gq, gp);
            step(q, gq, -eta, q);
            step(p, gp, eta, p);
            for (int i = 0; i < rows; i++) {
                average[i] += qHalf[i];
            }
        }
        double total = 0;
        for (double v : average) {
            total += v;
        }
        for (int i = 0; i < rows; i++) {
            average[i] /= total;
        }
        return average;
    }

    /**
     * The payoff Σ_k (p⁺_k − p⁻_k) (Fᵀq)_k: its gradient in q is F (p⁺ − p⁻), in p it is (Fᵀq, −Fᵀq).
     */
    private static void gradients(double[] f, int rows, int cols, double[] q, double[] p, double[] gq, double[] gp) {
        for (int k = 0; k < cols; k++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += q[i] * f[i * cols + k];
            }
            gp[k] = s;
            gp[cols + k] = -s;
        }
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = 0; k < cols; k++) {
                s += f[i * cols + k] * (p[k] - p[cols + k]);
            }
            gq[i] = s;
        }
    }

    /** out ∝ x ∘ exp(scale · g), normalised (shifted by the largest exponent, so nothing overflows). */
    private static void step(double[] x, double[] g, double scale, double[] out) {
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            top = Math.max(top, scale * g[i]);
        }
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * Math.exp(scale * g[i] - top);
            total += out[i];
        }
        for (int i = 0; i < x.length; i++) {
            out[i] /= total;
        }
    }
}
