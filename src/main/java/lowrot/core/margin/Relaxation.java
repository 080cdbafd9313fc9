package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sign s of the pricing problem as the branch and bound sees it: s·h(u) = Σ_{i∈P} σ(a_i · u) − Σ_{i∈N} σ(b_i · u)
 * with a_i = s c_i x_i for s c_i &gt; 0 and b_i = |c_i| x_i for s c_i &lt; 0, and the sound upper bound of a node
 * from the relaxation ½ Σ_free ‖a_i‖ + ‖r‖ (why it is sound: {@link PatternSearch}).
 */
final class Relaxation {
    private static final int SWEEPS = 400;
    private static final double SAFETY = 1e-12;

    /**
     * A region of the search: the sign state of each point a_j (1 in, −1 out, 0 free), the descent's
     * multipliers λ (per b_i) and ν (per a_j, used only when fixed), the bound of its parent, and its
     * creation number (ties are broken by it, so the order never depends on anything but the data).
     */
    record Node(byte[] state, double[] lambda, double[] nu, double parentBound, long serial) {}

    private final int d;
    /** Points with s c_i &gt; 0, scaled: a_i = s c_i x_i. */
    final double[][] a;
    /** ‖a_i‖. */
    final double[] aNorm;
    /** Points with s c_i &lt; 0, scaled: b_i = |c_i| x_i. */
    private final double[][] b;

    private final double[] bNorm2;

    Relaxation(double[] c, int sign, double[] xs, int n, int d) {
        this.d = d;
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
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
        }
        a = pos.toArray(new double[0][]);
        b = neg.toArray(new double[0][]);
        aNorm = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            aNorm[j] = Math.sqrt(dot(a[j], a[j]));
        }
        bNorm2 = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            bNorm2[i] = dot(b[i], b[i]);
        }
    }

    /** The root: every point free, multipliers zero, no parent bound. */
    Node root() {
        return new Node(new byte[a.length], new double[b.length], new double[a.length], Double.POSITIVE_INFINITY, 0);
    }

    /**
     * The node's sound upper bound ½ Σ_free ‖a_i‖ + ‖r‖ after coordinate descent on ‖r‖² over
     * λ ∈ [0,1]^N and ν ≥ 0 (one per fixed point), started from the node's multipliers and left in
     * them; writes r/‖r‖ into u (NaN in u[0] when r = 0).
     */
    double bound(Node node, double[] u) {
        byte[] state = node.state;
        double[] lambda = node.lambda;
        double[] nu = node.nu;
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
