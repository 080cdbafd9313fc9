package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lowrot.core.util.ProgressMonitor;

/**
 * The pricing problem of the global margin in any dimension, solved with a certificate:
 * max over unit u of |h(u)|, h(u) = Σ_i c_i σ(u · x_i), by branch and bound over activation patterns.
 *
 * <p><b>Why the bound is sound.</b> Fix a sign s ∈ {+1, −1} and write s·h(u) = Σ_{i∈P} σ(a_i · u) −
 * Σ_{i∈N} σ(b_i · u) with a_i = s c_i x_i for s c_i &gt; 0 and b_i = |c_i| x_i for s c_i &lt; 0 (σ is
 * positively homogeneous). h is 1-homogeneous, so max over the sphere of |h| equals the larger of the
 * maxima of s·h over the unit ball B (both are ≥ 0 at u = 0, and |h| attains its maximum on the sphere).
 * A node of the search fixes some a_i as active ("in": a_i · u ≥ 0) or inactive ("out": a_i · u ≤ 0)
 * and leaves the rest free; its region is K = {u ∈ B obeying those signs}. On K, for any λ ∈ [0,1]^N
 * and any ν ≥ 0 (one per fixed point, with g_j = a_j for "in" and −a_j for "out"):
 * <pre>
 *   s·h(u) = Σ_in a_i·u + Σ_free σ(a_i·u) − Σ_N σ(b_i·u)
 *          ≤ Σ_in a_i·u + Σ_free (a_i·u + ‖a_i‖)/2 − Σ_N λ_i b_i·u + Σ_fixed ν_j g_j·u
 *          ≤ ½ Σ_free ‖a_i‖ + ‖r‖,   r = Σ_in a_i + ½ Σ_free a_i − Σ_N λ_i b_i + Σ_fixed ν_j g_j,
 * </pre>
 * using σ(t) ≤ (t + ‖a‖)/2 for |t| ≤ ‖a‖ (the secant of σ on [−‖a‖, ‖a‖]), σ(t) ≥ λt for λ ∈ [0,1],
 * g_j·u ≥ 0 on K, and Cauchy–Schwarz on B. So every node has a sound upper bound for <em>any</em>
 * feasible (λ, ν); they are chosen by coordinate descent on ‖r‖², which only makes the bound tighter.
 * Children split a free point into "in" and "out", whose regions cover the parent's. When no point is
 * free the bound is the exact maximum over K (the problem is convex and Slater holds when K has an
 * interior), so the search closes the gap. The reported upper bound is the largest bound of any node
 * that was pruned, is a leaf or was left open at the node cap — the regions of those nodes cover B — and
 * never less than the best value found. Two refinements keep this sound: a point and its exact negation
 * −x_j (both in P) are fixed together, the one "in" where the other is "out" (a_k · u = −t a_j · u with t &gt; 0,
 * and on the hyperplane both states hold), so the children still cover the parent; and a search may be confined
 * to a cone {g_l · u ≥ 0} ({@link PointSymmetry}), where the term Σ κ_l g_l·u with κ ≥ 0 is ≥ 0 and joins r like
 * the ν terms. Rounding: r is recomputed from scratch and its norm inflated by
 * 1e−12 relative plus 1e−300, far above the error of a d-term sum of products.
 *
 * <p>Lower values come from evaluating h exactly at unit candidates: the dual direction r/‖r‖ of every
 * node (the maximiser over K when the descent has converged) and the caller's seeds. Everything runs
 * in a fixed order on the caller's thread, so the result is the same bits on every machine.
 */
final class PatternSearch {
    /** What one search found; {@code candidates} are unit directions sorted by |h|, descending. */
    record Outcome(double upper, double best, List<double[]> candidates, int nodes, boolean closed) {}

    private final int n;
    private final int d;
    private final double[] xs;

    PatternSearch(double[] xs, int n, int d) {
        this.xs = xs;
        this.n = n;
        this.d = d;
    }

    /** h(u) = Σ_i c_i σ(u · x_i), summed in index order. */
    double h(double[] c, double[] u) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (c[i] != 0) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += u[k] * xs[i * d + k];
                }
                if (dot > 0) {
                    s += c[i] * dot;
                }
            }
        }
        return s;
    }

    /**
     * Maximises |h| over the unit sphere for coefficients c (zero entries are ignored). Seeds (any
     * nonzero vectors) start the incumbent; at most {@code limit} candidates are returned; the search
     * stops early (still with a sound upper bound, then {@code closed} is false) after {@code maxNodes}
     * nodes per sign. The bound is closed when upper − best ≤ relTol · best (or 1e−15 absolute). The
     * monitor is asked every 256 nodes whether to stop (then {@link CancelledException}).
     */
    Outcome maximise(
            double[] c, List<double[]> seeds, int limit, int maxNodes, double relTol, ProgressMonitor monitor) {
        return maximise(c, seeds, limit, maxNodes, relTol, List.of(), monitor);
    }

    /**
     * The same, searching only the cone {u : g · u ≥ 0 for every g in {@code cone}}: its upper bound is a bound on
     * max |h| over the sphere only when that maximum is attained in the cone, which the caller must know (h
     * invariant under a group whose fundamental region the cone is: {@link PointSymmetry}).
     */
    Outcome maximise(
            double[] c,
            List<double[]> seeds,
            int limit,
            int maxNodes,
            double relTol,
            List<double[]> cone,
            ProgressMonitor monitor) {
        List<double[]> found = new ArrayList<>();
        for (double[] s : seeds) {
            double[] u = unit(s);
            if (u != null) {
                found.add(u);
            }
        }
        double upper = 0;
        int nodes = 0;
        double best = 0;
        for (double[] u : found) {
            best = Math.max(best, Math.abs(h(c, u)));
        }
        for (int sign = 1; sign >= -1; sign -= 2) {
            BranchAndBound.Result r =
                    new BranchAndBound(this, c, sign, xs, n, d, cone).search(found, best, maxNodes, relTol, monitor);
            upper = Math.max(upper, r.upper());
            best = Math.max(best, r.best());
            nodes += r.nodes();
        }
        // Candidates by |h| (ties in insertion order, which is fixed), near-duplicates dropped.
        List<double[]> out = sortedDistinct(c, found, limit);
        best = Math.max(best, Math.abs(h(c, out.get(0))));
        upper = Math.max(upper, best);
        return new Outcome(upper, best, out, nodes, upper - best <= allowance(best, relTol));
    }

    /**
     * Fixed-point ascent of ±h from every seed, in both signs: u ← w/‖w‖ with w = ±Σ_{i active at u} c_i x_i,
     * the best direction for u's activation pattern, while that improves. Returns at most {@code limit}
     * distinct unit directions sorted by |h|, descending (never empty). A search, not a bound.
     */
    List<double[]> climb(double[] c, List<double[]> seeds, int limit) {
        List<double[]> found = new ArrayList<>();
        for (double[] seed : seeds) {
            double[] start = unit(seed);
            if (start == null) {
                continue;
            }
            for (int sign = 1; sign >= -1; sign -= 2) {
                double[] u = start;
                double value = sign * h(c, u);
                for (int iter = 0; iter < 40; iter++) {
                    double[] w = new double[d];
                    for (int i = 0; i < n; i++) {
                        if (c[i] != 0 && dotX(u, i) > 0) {
                            for (int k = 0; k < d; k++) {
                                w[k] += sign * c[i] * xs[i * d + k];
                            }
                        }
                    }
                    double[] next = unit(w);
                    if (next == null) {
                        break;
                    }
                    double nextValue = sign * h(c, next);
                    if (nextValue <= value + 1e-15) {
                        break;
                    }
                    u = next;
                    value = nextValue;
                }
                found.add(u);
            }
        }
        return sortedDistinct(c, found, limit);
    }

    private double dotX(double[] u, int i) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += u[k] * xs[i * d + k];
        }
        return s;
    }

    /** Up to {@code limit} distinct directions by |h|, descending (ties in list order); e₁ when none. */
    private List<double[]> sortedDistinct(double[] c, List<double[]> found, int limit) {
        double[] value = new double[found.size()];
        Integer[] order = new Integer[found.size()];
        for (int t = 0; t < found.size(); t++) {
            value[t] = Math.abs(h(c, found.get(t)));
            order[t] = t;
        }
        Arrays.sort(order, (p, q) -> Double.compare(value[q], value[p]));
        List<double[]> out = new ArrayList<>();
        for (int t : order) {
            if (out.size() >= limit) {
                break;
            }
            if (!MarginPoints.near(out, found.get(t), 1e-12)) {
                out.add(found.get(t));
            }
        }
        if (out.isEmpty()) {
            double[] u = new double[d];
            u[0] = 1;
            out.add(u);
        }
        return out;
    }

    /** The gap a search may leave: relative to the best value, with an absolute floor for a zero maximum. */
    private static double allowance(double best, double relTol) {
        return Math.max(1e-15, relTol * best);
    }

    /** A region whose bound is within the allowance of the best value found cannot improve it enough. */
    static boolean prunable(double bound, double best, double relTol) {
        return bound <= best + allowance(best, relTol);
    }

    private double[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        double[] u = new double[d];
        for (int k = 0; k < d; k++) {
            u[k] = v[k] / norm;
        }
        return u;
    }
}
