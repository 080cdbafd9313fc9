package lowrot.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The tangent kernel of a network at initialization and its ℓ₂ margin — the ceiling of the tangent margin
 * of the displacement (see docs/math.md).
 *
 * <p>With f(x) = s Σ_j a_j σ(v_j · x), the gradient over the weights that train has the blocks ∂f/∂a_j =
 * s σ(v_j·x) (outer layer trainable), ∂f/∂v_j = s a_j 1[v_j·x &gt; 0] x (inner weights), or, without rotation,
 * ∂f/∂b_j = s a_j 1[v_j·x &gt; 0] (u_j·x). Its Gram matrix is
 * s² (A Aᵀ + (M D Mᵀ) ∘ X Xᵀ) (or s² (A Aᵀ + P D Pᵀ) without rotation) with A_ij = σ(v_j·x_i), M the 0/1
 * activation mask, D = diag(a_j²), P = M ∘ (X Uᵀ): products formed with EJML. As m grows with
 * v ~ N(0, α²σ_v² I), a_j² = α² (signs) or E a_j² = α², it tends to s²m K with the closed form
 * <pre>
 *   K(x, x') = α²σ_v² ‖x‖‖x'‖ (sin θ + (π − θ) cos θ) / (2π) · [outer trains]
 *            + α² x·x' (π − θ)/(2π)                               (inner weights)
 *            or α² ‖x‖‖x'‖ (sin θ + (π − θ) cos θ) / (2πd)         (no rotation: u uniform on the sphere),
 * </pre>
 * θ the angle between x and x' (arc-cosine kernels of degree 1 and 0).
 */
public final class TangentKernel {
    private TangentKernel() {
    }

    /** G_ij = y_i y_j ⟨∇f(x_i; W), ∇f(x_j; W)⟩ over the weights that train. */
    public static double[] gram(Network net, Dataset data, boolean outerTrainable) {
        int n = data.n();
        int m = net.width();
        int d = data.d();
        double s = net.scale();
        DMatrixRMaj x = new DMatrixRMaj(n, d, true, data.copyX());
        DMatrixRMaj v = new DMatrixRMaj(m, d, true, net.copyV());
        DMatrixRMaj h = new DMatrixRMaj(n, m);
        CommonOps_DDRM.multTransB(x, v, h); // h_ij = v_j · x_i
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        DMatrixRMaj act = new DMatrixRMaj(n, m);
        if (outerTrainable) {
            for (int t = 0; t < n * m; t++) {
                act.data[t] = Math.max(h.data[t], 0.0);
            }
            CommonOps_DDRM.multTransB(act, act, g);
        }
        // Inner block: columns scaled by |a_j| so that (M|a|)(M|a|)ᵀ = M D Mᵀ.
        DMatrixRMaj weighted = new DMatrixRMaj(n, m);
        double[] norms = new double[m];
        if (net.frozenDirections()) {
            for (int j = 0; j < m; j++) {
                double norm = 0;
                for (int k = 0; k < d; k++) {
                    norm += v.data[j * d + k] * v.data[j * d + k];
                }
                norms[j] = Math.sqrt(norm);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double z = h.data[i * m + j];
                double on = z > 0 ? 1.0 : 0.0;
                double feature = net.frozenDirections() ? (norms[j] > 0 ? on * z / norms[j] : 0.0) : on;
                weighted.data[i * m + j] = Math.abs(net.a(j)) * feature;
            }
        }
        DMatrixRMaj inner = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(weighted, weighted, inner);
        if (!net.frozenDirections()) {
            DMatrixRMaj xx = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(x, x, xx);
            CommonOps_DDRM.elementMult(inner, xx);
        }
        CommonOps_DDRM.addEquals(g, inner);
        double[] out = g.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] *= s * s * data.y(i) * data.y(j);
            }
        }
        return out;
    }

    /** The infinite-width expectation of {@link #gram} for a config (the closed form above), times s²m. */
    public static double[] closedFormGram(RunConfig config, Dataset data) {
        int n = data.n();
        int d = data.d();
        NetworkSpec spec = config.network();
        int m = spec.width();
        double s = spec.outputScale().value(m);
        double alpha = spec.initScale();
        double sigmaV = spec.innerScale().value(d);
        boolean outer = config.training().outerTrainable();
        boolean noRotation = config.training().regime() == Regime.NO_ROTATION;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ni = norm(data, i);
                double nj = norm(data, j);
                double k = 0;
                if (ni > 0 && nj > 0) {
                    double dot = 0;
                    for (int q = 0; q < d; q++) {
                        dot += data.x(i, q) * data.x(j, q);
                    }
                    double cos = Math.max(-1, Math.min(1, dot / (ni * nj)));
                    double theta = Math.acos(cos);
                    double degree1 = ni * nj * (Math.sin(theta) + (Math.PI - theta) * cos) / (2 * Math.PI);
                    if (outer) {
                        k += alpha * alpha * sigmaV * sigmaV * degree1;
                    }
                    k += noRotation ? alpha * alpha * degree1 / d : alpha * alpha * dot * (Math.PI - theta) / (2 * Math.PI);
                }
                out[i * n + j] = s * s * m * data.y(i) * data.y(j) * k;
            }
        }
        return out;
    }

    private static double norm(Dataset data, int i) {
        double s = 0;
        for (int q = 0; q < data.d(); q++) {
            s += data.x(i, q) * data.x(i, q);
        }
        return Math.sqrt(s);
    }

    /**
     * min over the simplex of √(qᵀGq) (G n × n, row-major, positive semidefinite) by accelerated projected
     * gradient steps (FISTA) with step 1/L, L = 2.2 λ̂ where λ̂ ≥ 0 is the largest eigenvalue of G estimated
     * by 50 power iterations from the all-ones vector (restarted when the objective rises, which also
     * guards a step that is slightly too long). Stops when the Frank–Wolfe gap g(q) = ∇f(q)·q − min_i ∇f(q)_i
     * — an upper bound on f(q) − f* by convexity, whatever the iterate — is at most {@code tolerance} · f(q),
     * or after {@code maxIterations}: a count, never a clock. Every sum runs in index order.
     */
    public static KernelMarginResult margin(double[] g, int n, double tolerance, int maxIterations) {
        double lambda = largestEigenvalue(g, n);
        double[] q = new double[n];
        java.util.Arrays.fill(q, 1.0 / n);
        double[] y = q.clone();
        double[] previous = q.clone();
        double[] grad = new double[n];
        double[] z = new double[n];
        double[] work = new double[n];
        double momentum = 1;
        double lastF = Double.POSITIVE_INFINITY;
        double upper2 = Double.POSITIVE_INFINITY; // min over iterates of f(q) ≥ f*
        double lower2 = 0;                         // max over iterates of f(q) − g(q) ≤ f*
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
            upper2 = Math.min(upper2, Math.max(f, 0));
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
            Simplex.project(z, q, work);
            double next = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
            double beta = (momentum - 1) / next;
            for (int i = 0; i < n; i++) {
                y[i] = q[i] + beta * (q[i] - previous[i]);
            }
            momentum = next;
        }
        return new KernelMarginResult(Math.sqrt(Math.min(lower2, upper2)), Math.sqrt(upper2), it);
    }

    /** Writes ∇(qᵀGq) = 2Gq into grad and returns qᵀGq. */
    private static double gradient(double[] g, int n, double[] q, double[] grad) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double gi = 0;
            for (int j = 0; j < n; j++) {
                gi += g[i * n + j] * q[j];
            }
            grad[i] = 2 * gi;
            f += q[i] * gi;
        }
        return f;
    }

    /** Power iteration from the all-ones vector: an estimate of G's largest eigenvalue (0 for G = 0). */
    private static double largestEigenvalue(double[] g, int n) {
        double[] x = new double[n];
        double[] next = new double[n];
        java.util.Arrays.fill(x, 1.0 / Math.sqrt(n));
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
