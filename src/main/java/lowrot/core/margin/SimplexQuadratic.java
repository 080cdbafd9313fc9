package lowrot.core.margin;

import java.util.Arrays;
import lowrot.core.util.SimplexProjection;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * min over q on the simplex of qᵀGq for a positive semidefinite G: the dual of the hard-margin kernel
 * machine (G_ij = y_i y_j K(x_i, x_j)), whose minimizer q gives the max-margin predictor Σ_i q_i y_i K(x_i, ·).
 */
public final class SimplexQuadratic {
    /** The minimizing weights and the bounds on √(min qᵀGq). */
    public record Solution(double[] q, KernelMarginResult margin) {}

    private SimplexQuadratic() {}

    /**
     * Accelerated projected gradient steps (FISTA) with step 1/L, L = 2.2 λ̂ where λ̂ ≥ 0 is the largest
     * eigenvalue of G estimated by 50 power iterations from the all-ones vector (restarted when the
     * objective rises, which also guards a step that is slightly too long). Stops when the Frank–Wolfe gap
     * g(q) = ∇f(q)·q − min_i ∇f(q)_i — an upper bound on f(q) − f* by convexity, whatever the iterate — is at
     * most {@code tolerance} · f(q), or after {@code maxIterations}: a count, never a clock. Every sum runs in
     * index order. The returned q is the iterate with the smallest f.
     */
    public static Solution minimize(double[] g, int n, double tolerance, int maxIterations) {
        double lambda = largestEigenvalue(g, n);
        double[] q = new double[n];
        Arrays.fill(q, 1.0 / n);
        double[] best = q.clone();
        double[] y = q.clone();
        double[] previous = q.clone();
        double[] grad = new double[n];
        double[] z = new double[n];
        double[] work = new double[n];
        double momentum = 1;
        double lastF = Double.POSITIVE_INFINITY;
        double upper2 = Double.POSITIVE_INFINITY; // min over iterates of f(q) ≥ f*
        double lower2 = 0; // max over iterates of f(q) − g(q) ≤ f*
        int it = 0;
        for (; ; it++) {
            // Certificate at the iterate q: f(q) and its Frank–Wolfe gap.
            double f = gradient(g, n, q, grad);
            double min = Double.POSITIVE_INFINITY;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, grad[i]);
                dot += grad[i] * q[i];
            }
            double gap = Math.max(0, dot - min);
            if (Math.max(f, 0) < upper2) {
                upper2 = Math.max(f, 0);
                System.arraycopy(q, 0, best, 0, n);
            }
            lower2 = Math.max(lower2, f - gap);
            if (upper2 - lower2 <= tolerance * upper2 || it >= maxIterations || !(lambda > 0)) {
                break;
            }
            if (f > lastF) {
                // Restart the momentum where the objective went up.
                System.arraycopy(q, 0, y, 0, n);
                momentum = 1;
            }
            lastF = f;
            gradient(g, n, y, grad);
            for (int i = 0; i < n; i++) {
                z[i] = y[i] - grad[i] / (2.2 * lambda);
            }
            System.arraycopy(q, 0, previous, 0, n);
            SimplexProjection.project(z, q, work);
            double next = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
            double beta = (momentum - 1) / next;
            for (int i = 0; i < n; i++) {
                y[i] = q[i] + beta * (q[i] - previous[i]);
            }
            momentum = next;
        }
        return new Solution(best, new KernelMarginResult(Math.sqrt(Math.min(lower2, upper2)), Math.sqrt(upper2), it));
    }

    /**
     * Writes ∇(qᵀGq) = 2Gq into grad and returns qᵀGq. Gq is EJML's row-major product: each entry one sum over j
     * in index order, whatever the thread (the same bits as a plain loop; docs/performance.md).
     */
    private static double gradient(double[] g, int n, double[] q, double[] grad) {
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(n, n, g), DMatrixRMaj.wrap(n, 1, q), DMatrixRMaj.wrap(n, 1, grad));
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += q[i] * grad[i];
            grad[i] *= 2;
        }
        return f;
    }

    /** Power iteration from the all-ones vector: an estimate of G's largest eigenvalue (0 for G = 0). */
    private static double largestEigenvalue(double[] g, int n) {
        double[] x = new double[n];
        double[] next = new double[n];
        Arrays.fill(x, 1.0 / Math.sqrt(n));
        double lambda = 0;
        for (int k = 0; k < 50; k++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += g[i * n + j] * x[j];
                }
                next[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                return 0;
            }
            lambda = norm;
            for (int i = 0; i < n; i++) {
                x[i] = next[i] / norm;
            }
        }
        return lambda;
    }
}
