package lowrot.core.margin;

import java.util.ArrayList;
import java.util.List;

/**
 * An exact, independent maximiser of |h(u)| = |Σ_i c_i σ(u · x_i)| over the unit sphere for a few points
 * in a few dimensions, by enumerating the faces of the hyperplane arrangement {u · x_i = 0}.
 *
 * <p>Why it is exact: a maximiser u* lies in the relative interior of one face — the set of unit u with
 * one sign vector. Let A be the points with u*·x_i = 0, L = A^⊥ and S the points with u*·x_i &gt; 0. Near
 * u*, within L, the signs do not change, so h(u) = w_S · u with w_S = Σ_{i∈S} c_i x_i; u* is a local
 * maximum of ±w_S · u on the unit sphere of L, hence u* = ±Π_L w_S / ‖Π_L w_S‖ (or h ≡ 0 near u*). Every
 * subspace L is spanned by ≤ d − 1 of the x_i, so trying every such subset and every S ⊆ points gives a
 * finite list that contains u*; h is evaluated exactly at each. Exponential, for tests only.
 */
final class FaceEnumeration {
    private FaceEnumeration() {}

    /** max over unit u of |Σ_i c_i σ(u · x_i)|; x is n × d. */
    static double maxAbs(double[][] x, double[] c) {
        int n = x.length;
        int d = x[0].length;
        List<double[][]> subspaces = new ArrayList<>();
        subsets(x, d, 0, new ArrayList<>(), subspaces);
        double best = 0;
        for (double[][] basis : subspaces) {
            for (long s = 0; s < (1L << n); s++) {
                double[] w = new double[d];
                for (int i = 0; i < n; i++) {
                    if ((s >> i & 1) == 1) {
                        for (int k = 0; k < d; k++) {
                            w[k] += c[i] * x[i][k];
                        }
                    }
                }
                double[] p = project(w, basis);
                double norm = Math.sqrt(dot(p, p));
                if (norm == 0) {
                    continue;
                }
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] u = new double[d];
                    for (int k = 0; k < d; k++) {
                        u[k] = sign * p[k] / norm;
                    }
                    best = Math.max(best, Math.abs(h(x, c, u)));
                }
            }
        }
        return best;
    }

    static double h(double[][] x, double[] c, double[] u) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = dot(u, x[i]);
            if (t > 0) {
                s += c[i] * t;
            }
        }
        return s;
    }

    /** Orthonormal bases (Gram–Schmidt) of span(A) for every subset A of at most d − 1 points. */
    private static void subsets(double[][] x, int d, int from, List<double[]> chosen, List<double[][]> out) {
        out.add(orthonormal(chosen, d));
        if (chosen.size() == d - 1) {
            return;
        }
        for (int i = from; i < x.length; i++) {
            chosen.add(x[i]);
            subsets(x, d, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static double[][] orthonormal(List<double[]> vectors, int d) {
        List<double[]> basis = new ArrayList<>();
        for (double[] v : vectors) {
            double[] r = v.clone();
            for (double[] b : basis) {
                double t = dot(r, b);
                for (int k = 0; k < d; k++) {
                    r[k] -= t * b[k];
                }
            }
            double norm = Math.sqrt(dot(r, r));
            if (norm > 1e-9) {
                for (int k = 0; k < d; k++) {
                    r[k] /= norm;
                }
                basis.add(r);
            }
        }
        return basis.toArray(new double[0][]);
    }

    /** w minus its components along the basis: the projection onto the basis' orthogonal complement. */
    private static double[] project(double[] w, double[][] basis) {
        double[] p = w.clone();
        for (double[] b : basis) {
            double t = dot(p, b);
            for (int k = 0; k < p.length; k++) {
                p[k] -= t * b[k];
            }
        }
        return p;
    }

    private static double dot(double[] p, double[] q) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            s += p[k] * q[k];
        }
        return s;
    }
}
