package lowrot.core.margin;

import java.util.Arrays;
import java.util.stream.IntStream;
import lowrot.core.data.Dataset;
import lowrot.core.model.Network;
import lowrot.core.util.Problems;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import lowrot.core.util.SimplexProjection;

/**
 * Computes γ_ntk = min_{q ∈ simplex} Σ_r p_r ‖Σ_i q_i y_i x_i 1[v_r · x_i ≥ 0]‖ over finitely many
 * directions v_r with weights p_r: the NTK margin when the v_r are M Gaussian samples (p_r = 1/M),
 * the tangent-kernel margin of a network when they are its own v_j(t) (p_j = |a_j| / Σ|a_k|).
 *
 * <p>F is convex but has kinks where some w_r(q) = Σ_i q_i y_i x_i 1[v_r · x_i ≥ 0] vanishes, so
 * q minimises the smoothed F_μ = Σ_r p_r (√(‖w_r‖² + μ²) − μ) by spectral projected gradient
 * (Barzilai–Borwein steps, non-monotone line search), with μ shrunk as the iterate converges. The
 * gradient of F_μ is g_i = y_i Σ_r p_r 1[v_r · x_i ≥ 0] ⟨x_i, θ_r⟩ with θ_r = w_r/√(‖w_r‖² + μ²),
 * of norm below 1 — a feasible primal point, so min_i g_i is a lower bound, while F(q) is an upper
 * bound: every iterate carries its own certificate, and at the minimiser of F_μ they are within μ.
 * Averages of the θ iterates are also tried as primal points: their margins are the averages of
 * the g's, and near a kink of F they close the gap where single best responses cannot.
 */
public final class NtkMarginSolver {
    private static final long DIRECTION_STREAM = 21;

    /**
     * @param directions    M, the number of sampled directions
     * @param seed          seed of the directions
     * @param tolerance     stop when upper − lower ≤ tolerance (absolute, in margin units)
     * @param maxIterations iteration cap
     */
    public record Options(int directions, long seed, double tolerance, int maxIterations) {
        /** M = 4096 directions, seed 1, absolute gap 1e−3, 3000 iterations. */
        public static Options defaults() {
            return new Options(4096, 1, 1e-3, 3000);
        }

        public Options withDirections(int m) {
            return new Options(m, seed, tolerance, maxIterations);
        }

        public Options withSeed(long s) {
            return new Options(directions, s, tolerance, maxIterations);
        }

        public Options withTolerance(double t) {
            return new Options(directions, seed, t, maxIterations);
        }

        public Options withMaxIterations(int k) {
            return new Options(directions, seed, tolerance, k);
        }

        Problems validate() {
            return new Problems()
                    .range("ntk.directions", directions, 1, 1 << 20)
                    .rangeAbove("ntk.tolerance", tolerance, 0, 1)
                    .range("ntk.maxIterations", maxIterations, 1, 1_000_000);
        }
    }

    private final NtkOperator op;
    private final int n;
    private final int d;
    private final int m;
    private final double[] p;

    private NtkMarginSolver(NtkOperator op) {
        this.op = op;
        this.n = op.n;
        this.d = op.d;
        this.m = op.m;
        this.p = op.p;
    }

    /** The NTK margin of a data set, over M directions v_r ~ N(0, I_d) drawn from the seed. */
    public static NtkMarginResult solve(Dataset data, Options options, ProgressMonitor monitor) {
        return solve(data, options, monitor, r -> {});
    }

    /**
     * The same, telling {@code interim} the certified bounds so far every 10 iterations in which they improved (as
     * {@link NtkMarginResult#interim()} results); the final result is the same bits with or without a listener.
     */
    public static NtkMarginResult solve(
            Dataset data,
            Options options,
            ProgressMonitor monitor,
            java.util.function.Consumer<NtkMarginResult> interim) {
        options.validate().throwIfAny();
        requireData(data);
        int mDirs = options.directions();
        int d = data.d();
        double[] dirs = new double[mDirs * d];
        Rng rng = Rng.stream(options.seed(), DIRECTION_STREAM);
        for (int q = 0; q < dirs.length; q++) {
            dirs[q] = rng.nextGaussian();
        }
        double[] p = new double[mDirs];
        Arrays.fill(p, 1.0 / mDirs);
        return new NtkMarginSolver(new NtkOperator(data, dirs, p)).run(options, monitor, true, interim);
    }

    /** The tangent-kernel margin of a network: its own directions v_j weighted by |a_j| / Σ_k |a_k|. */
    public static NtkMarginResult tangentKernel(Dataset data, Network net, Options options, ProgressMonitor monitor) {
        options.validate().throwIfAny();
        requireData(data);
        if (net.dim() != data.d()) {
            throw new IllegalArgumentException(
                    "network dimension " + net.dim() + " differs from data dimension " + data.d());
        }
        int width = net.width();
        double total = 0;
        for (int j = 0; j < width; j++) {
            total += Math.abs(net.a(j));
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("network: Σ|a_j| = " + total + ", allowed a positive finite number");
        }
        double[] p = new double[width];
        for (int j = 0; j < width; j++) {
            p[j] = Math.abs(net.a(j)) / total;
        }
        return new NtkMarginSolver(new NtkOperator(data, net.copyV(), p)).run(options, monitor, false, r -> {});
    }

    private static void requireData(Dataset data) {
        if (data.n() == 0) {
            throw new IllegalArgumentException("data: the NTK margin needs at least one point");
        }
    }

    private NtkMarginResult run(
            Options options,
            ProgressMonitor monitor,
            boolean monteCarlo,
            java.util.function.Consumer<NtkMarginResult> interim) {
        double[] q = new double[n];
        Arrays.fill(q, 1.0 / n);
        double[] w = new double[d * m];
        double[] norms = new double[m];
        double[] ptheta = new double[d * m];
        double[] g = new double[n];
        double[] qNew = new double[n];
        double[] gNew = new double[n];
        double[] trial = new double[n];
        double[] dir = new double[n];
        double[] work = new double[n];
        double[] recent = new double[10];

        double f = op.values(q, w, norms);
        double smoothing = Math.max(0.25 * f, options.tolerance());
        double fs = op.smoothed(norms, smoothing);
        op.gradient(w, norms, smoothing, ptheta);
        op.margins(ptheta, g);
        NtkCertificates best = new NtkCertificates(f, q, norms, g, ptheta);
        double alpha = 1.0 / Math.max(1e-12, max(g) - min(g));
        Arrays.fill(recent, Double.NEGATIVE_INFINITY);
        recent[0] = fs;
        int iterations = 0;
        boolean converged = best.gap() <= options.tolerance();
        while (!converged && iterations < options.maxIterations()) {
            monitor.checkCancelled();
            iterations++;
            for (int i = 0; i < n; i++) {
                trial[i] = q[i] - alpha * g[i];
            }
            SimplexProjection.project(trial, qNew, work);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                dir[i] = qNew[i] - q[i];
                slope += g[i] * dir[i];
            }
            double fNew = lineSearch(q, dir, slope, max(recent), smoothing, qNew, w, norms);
            double fsNew = op.smoothed(norms, smoothing);
            op.gradient(w, norms, smoothing, ptheta);
            op.margins(ptheta, gNew);
            double ss = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                double step = qNew[i] - q[i];
                ss += step * step;
                sy += step * (gNew[i] - g[i]);
            }
            alpha = sy > 0 ? Math.min(1e12, Math.max(1e-12, ss / sy)) : 1e12;
            System.arraycopy(qNew, 0, q, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            fs = fsNew;
            recent[iterations % recent.length] = fs;
            best.offerUpper(f, q, norms);
            double lower = best.offerLower(iterations, g, ptheta);
            converged = best.gap() <= options.tolerance();
            // At the minimiser of the smoothed objective the gap is at most the smoothing; once the
            // iterate is that close, sharpen it.
            if (!converged && f - lower <= 2 * smoothing && smoothing > options.tolerance() / 8) {
                smoothing /= 4;
                op.gradient(w, norms, smoothing, ptheta);
                op.margins(ptheta, g);
                fs = op.smoothed(norms, smoothing);
                Arrays.fill(recent, Double.NEGATIVE_INFINITY);
                recent[0] = fs;
                best.restartAverage();
            }
            if (iterations % 10 == 0 && !converged && best.movedSinceReport()) {
                interim.accept(result(
                        best.lower, best.upper, iterations, false, best.q, best.norms, best.theta, monteCarlo, true));
            }
            if (iterations % 5 == 0) {
                monitor.progress(
                        Math.min(1, Math.log(1 + iterations) / Math.log(1 + options.maxIterations())),
                        String.format("NTK margin in [%.5g, %.5g]", best.lower, best.upper));
            }
        }
        return result(best.lower, best.upper, iterations, converged, best.q, best.norms, best.theta, monteCarlo, false);
    }

    /**
     * The non-monotone Armijo search along dir from q: halves λ from 1 until F_μ(q + λ dir) ≤ fMax + 1e−4 λ·slope
     * (or the direction is not one of descent, or λ &lt; 1e−10). Leaves q + λ dir in qNew, its w and ‖w_r‖ in w and
     * norms; returns F there.
     */
    private double lineSearch(
            double[] q,
            double[] dir,
            double slope,
            double fMax,
            double smoothing,
            double[] qNew,
            double[] w,
            double[] norms) {
        double lambda = 1;
        while (true) {
            for (int i = 0; i < n; i++) {
                qNew[i] = q[i] + lambda * dir[i];
            }
            double fNew = op.values(qNew, w, norms);
            double fsNew = op.smoothed(norms, smoothing);
            if (slope >= 0 || fsNew <= fMax + 1e-4 * lambda * slope || lambda < 1e-10) {
                return fNew;
            }
            lambda *= 0.5;
        }
    }

    private NtkMarginResult result(
            double lower,
            double upper,
            int iterations,
            boolean converged,
            double[] q,
            double[] norms,
            double[] ptheta,
            boolean monteCarlo,
            boolean interim) {
        double se = Double.NaN;
        if (monteCarlo && m > 1) {
            // The estimate at q is the mean of ‖w_r(q)‖ over i.i.d. directions: its standard error.
            double sum2 = 0;
            for (int r = 0; r < m; r++) {
                sum2 += (norms[r] - upper) * (norms[r] - upper);
            }
            se = Math.sqrt(sum2 / (m - 1) / m);
        }
        Integer[] order = IntStream.range(0, n).filter(i -> q[i] > 1e-9).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (i, j) -> Double.compare(q[j], q[i]));
        int[] support = new int[order.length];
        double[] weights = new double[order.length];
        for (int t = 0; t < order.length; t++) {
            support[t] = order[t];
            weights[t] = q[order[t]];
        }
        // θ_r = (p θ)_r / p_r, row-major.
        double[] theta = new double[m * d];
        for (int r = 0; r < m; r++) {
            for (int k = 0; k < d; k++) {
                theta[r * d + k] = p[r] > 0 ? ptheta[k * m + r] / p[r] : 0.0;
            }
        }
        return new NtkMarginResult(lower, upper, iterations, converged, m, d, se, support, weights, theta, interim);
    }

    static double min(double[] v) {
        double best = Double.POSITIVE_INFINITY;
        for (double x : v) {
            best = Math.min(best, x);
        }
        return best;
    }

    private static double max(double[] v) {
        double best = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            best = Math.max(best, x);
        }
        return best;
    }
}
