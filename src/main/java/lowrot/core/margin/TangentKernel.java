package lowrot.core.margin;

import lowrot.core.data.Dataset;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
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
    private TangentKernel() {}

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
        int m = config.network().width();
        double s = config.network().outputScale().value(m);
        Limit limit = Limit.of(config, data.d());
        double[][] points = new double[n][];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            points[i] = data.point(i);
            norms[i] = norm(points[i]);
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] =
                        s * s * m * data.y(i) * data.y(j) * limit.value(points[i], norms[i], points[j], norms[j]);
            }
        }
        return out;
    }

    /**
     * The closed-form kernel K(x, x') of the class comment for one config and input dimension: the
     * infinite-width tangent kernel divided by s²m.
     *
     * @param outerWeight α²σ_v² when the outer layer trains, else 0
     * @param innerWeight α²
     * @param noRotation  whether the inner block is the no-rotation one
     * @param d           input dimension
     */
    public record Limit(double outerWeight, double innerWeight, boolean noRotation, int d) {
        /** The kernel of a config's regime, initialization and trainable layers. */
        public static Limit of(RunConfig config, int d) {
            NetworkSpec spec = config.network();
            double alpha = spec.initScale();
            double sigmaV = spec.innerScale().value(d);
            double outer = config.training().outerTrainable() ? alpha * alpha * sigmaV * sigmaV : 0;
            return new Limit(outer, alpha * alpha, config.training().regime() == Regime.NO_ROTATION, d);
        }

        /** K(x, x'), given ‖x‖ and ‖x'‖ (0 when either is 0). */
        public double value(double[] x, double xNorm, double[] y, double yNorm) {
            if (!(xNorm > 0) || !(yNorm > 0)) {
                return 0;
            }
            double dot = 0;
            for (int q = 0; q < x.length; q++) {
                dot += x[q] * y[q];
            }
            double cos = Math.max(-1, Math.min(1, dot / (xNorm * yNorm)));
            double theta = Math.acos(cos);
            double degree1 = xNorm * yNorm * (Math.sin(theta) + (Math.PI - theta) * cos) / (2 * Math.PI);
            double inner = noRotation ? degree1 / d : dot * (Math.PI - theta) / (2 * Math.PI);
            return outerWeight * degree1 + innerWeight * inner;
        }
    }

    /** Euclidean norm, summed in index order. */
    public static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * min over the simplex of √(qᵀGq) (G n × n, row-major, positive semidefinite): see
     * {@link SimplexQuadratic#minimize}, which also returns the minimizing weights.
     */
    public static KernelMarginResult margin(double[] g, int n, double tolerance, int maxIterations) {
        return SimplexQuadratic.minimize(g, n, tolerance, maxIterations).margin();
    }
}
