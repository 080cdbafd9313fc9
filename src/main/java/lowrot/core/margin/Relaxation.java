package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sign s of the pricing problem as the branch and bound sees it: s·h(u) = Σ_{i∈P} σ(a_i · u) − Σ_{i∈N} σ(b_i · u)
 * with a_i = s c_i x_i for s c_i &gt; 0 and b_i = |c_i| x_i for s c_i &lt; 0, and the sound upper bound of a node
 * from the relaxation ½ Σ_free ‖a_i‖ + ‖r‖ (why it is sound: {@link PatternSearch}), over the ball or over its
 * part in a cone {g_l · u ≥ 0} (r then has a term Σ κ_l g_l with κ ≥ 0, which is ≥ 0 on the cone).
 */
final class Relaxation {
    private static final int SWEEPS = 400;
    private static final double SAFETY = 1e-12;

    /**
     * A region of the search: the sign state of each point a_j (1 in, −1 out, 0 free), the descent's
     * multipliers λ (per b_i), ν (per a_j, used only when fixed) and κ (per cone vector), the bound of its parent, and its
     * creation number (ties are broken by it, so the order never depends on anything but the data).
     */
    record Node(byte[] state, double[] lambda, double[] nu, double[] kappa, double parentBound, long serial) {}

    private final int d;
    /** Points with s c_i &gt; 0, scaled: a_i = s c_i x_i. */
    final double[][] a;
    /** ‖a_i‖. */
    final double[] aNorm;
    /**
     * For each a_j, the index of the a_k whose point is exactly −x_j, or −1: fixing a_j in fixes a_k out and the
     * other way round (a_k · u = −(|c_k|/|c_j|) a_j · u), so the search fixes both at once.
     */
    final int[] antipode;
    /** Points with s c_i &lt; 0, scaled: b_i = |c_i| x_i. */
    private final double[][] b;

    private final double[] bNorm2;
    /** Vectors g_l with g_l · u ≥ 0 on the whole search (a symmetry's cone; none: the whole ball). */
    private final double[][] g;

    private final double[] gNorm2;

    Relaxation(double[] c, int sign, double[] xs, int n, int d, List<double[]> cone) {
        this.d = d;
        this.g = cone.toArray(new double[0][]);
        this.gNorm2 = new double[g.length];
        for (int l = 0; l < g.length; l++) {
            gNorm2[l] = dot(g[l], g[l]);
        }
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
        List<Integer> posIndex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double w = sign * c[i];
            if (w == 0) {
                continue;
            }
            double[] v = new double[d];
            double norm = 0;
            for (int k = 0; k < d; k++) {
                v[k] = Math.abs(w) * xs[i * d + k];
                norm += v[k] * v[k];
            }
            if (norm == 0) {
                continue;
            }
            (w > 0 ? pos : neg).add(v);
            if (w > 0) {
                posIndex.add(i);
            }
        }
        a = pos.toArray(new double[0][]);
        b = neg.toArray(new double[0][]);
        antipode = antipodes(xs, d, posIndex);
        aNorm = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            aNorm[j] = Math.sqrt(dot(a[j], a[j]));
        }
        bNorm2 = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            bNorm2[i] = dot(b[i], b[i]);
        }
    }

    /** For each of the points {@code index} (rows of xs), the position in that list of its exact negation, or −1. */
    private static int[] antipodes(double[] xs, int d, List<Integer> index) {
        java.util.Map<List<Double>, Integer> at = new java.util.HashMap<>();
        for (int t = 0; t < index.size(); t++) {
            at.put(row(xs, d, index.get(t), 1), t);
        }
        int[] out = new int[index.size()];
        for (int t = 0; t < index.size(); t++) {
            Integer k = at.get(row(xs, d, index.get(t), -1));
            out[t] = k == null ? -1 : k;
        }
        return out;
    }

    private static List<Double> row(double[] xs, int d, int i, double sign) {
        List<Double> key = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            key.add(sign * xs[i * d + k] + 0.0);
        }
        return key;
    }

    /** The root: every point free, multipliers zero, no parent bound. */
    Node root() {
        return new Node(
                new byte[a.length],
                new double[b.length],
                new double[a.length],
                new double[g.length],
                Double.POSITIVE_INFINITY,
                0);
    }

    /**
     * The node's sound upper bound ½ Σ_free ‖a_i‖ + ‖r‖ after coordinate descent on ‖r‖² over
     * λ ∈ [0,1]^N, ν ≥ 0 (one per fixed point) and κ ≥ 0 (one per cone vector), started from the node's multipliers and left in
     * them; writes r/‖r‖ into u (NaN in u[0] when r = 0).
     */
    double bound(Node node, double[] u) {
        byte[] state = node.state;
        double[] lambda = node.lambda;
        double[] nu = node.nu;
        double[] kappa = node.kappa;
        double constant = 0;
        double[] r = new double[d];
        for (int j = 0; j < a.length; j++) {
            if (state[j] == 1) {
                add(r, a[j], 1);
            } else if (state[j] == 0) {
                add(r, a[j], 0.5);
                constant += aNorm[j] / 2;
                nu[j] = 0;
            }
        }
        for (int i = 0; i < b.length; i++) {
            if (lambda[i] != 0) {
                add(r, b[i], -lambda[i]);
            }
        }
        for (int j = 0; j < a.length; j++) {
            if (nu[j] != 0) {
                add(r, a[j], state[j] * nu[j]);
            }
        }
        for (int l = 0; l < g.length; l++) {
            if (kappa[l] != 0) {
                add(r, g[l], kappa[l]);
            }
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double moved = 0;
            // λ_i ∈ [0, 1] on the column −b_i: exact minimisation of ‖r − δ b_i‖², clipped.
            for (int i = 0; i < b.length; i++) {
                if (bNorm2[i] == 0) {
                    continue;
                }
                double next = Math.min(1, Math.max(0, lambda[i] + dot(r, b[i]) / bNorm2[i]));
                double delta = next - lambda[i];
                if (delta != 0) {
                    add(r, b[i], -delta);
                    lambda[i] = next;
                    moved = Math.max(moved, Math.abs(delta) * Math.sqrt(bNorm2[i]));
                }
            }
            // ν_j ≥ 0 on the column g_j = ±a_j of a fixed point.
            for (int j = 0; j < a.length; j++) {
                if (state[j] == 0 || aNorm[j] == 0) {
                    continue;
                }
                double next = Math.max(0, nu[j] - state[j] * dot(r, a[j]) / (aNorm[j] * aNorm[j]));
                double delta = next - nu[j];
                if (delta != 0) {
                    add(r, a[j], state[j] * delta);
                    nu[j] = next;
                    moved = Math.max(moved, Math.abs(delta) * aNorm[j]);
                }
            }
            // κ_l ≥ 0 on the column g_l of the search's cone.
            for (int l = 0; l < g.length; l++) {
                double next = Math.max(0, kappa[l] - dot(r, g[l]) / gNorm2[l]);
                double delta = next - kappa[l];
                if (delta != 0) {
                    add(r, g[l], delta);
                    kappa[l] = next;
                    moved = Math.max(moved, Math.abs(delta) * Math.sqrt(gNorm2[l]));
                }
            }
            if (moved <= 1e-15 * (Math.sqrt(dot(r, r)) + 1e-300)) {
                break;
            }
        }
        // Recompute r from the multipliers in a fixed order, so the bound does not carry the descent's drift.
        double[] exact = new double[d];
        for (int j = 0; j < a.length; j++) {
            double coefficient = state[j] == 1 ? 1 + nu[j] : state[j] == 0 ? 0.5 : -nu[j];
            if (coefficient != 0) {
                add(exact, a[j], coefficient);
            }
        }
        for (int i = 0; i < b.length; i++) {
            if (lambda[i] != 0) {
                add(exact, b[i], -lambda[i]);
            }
        }
        for (int l = 0; l < g.length; l++) {
            if (kappa[l] != 0) {
                add(exact, g[l], kappa[l]);
            }
        }
        double norm = Math.sqrt(dot(exact, exact));
        if (norm > 0) {
            for (int q = 0; q < d; q++) {
                u[q] = exact[q] / norm;
            }
        } else {
            Arrays.fill(u, Double.NaN);
        }
        return (constant + norm) * (1 + SAFETY) + 1e-300;
    }

    private static void add(double[] target, double[] v, double scale) {
        for (int q = 0; q < target.length; q++) {
            target[q] += scale * v[q];
        }
    }

    static double dot(double[] p, double[] q) {
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            s += p[k] * q[k];
        }
        return s;
    }
}
