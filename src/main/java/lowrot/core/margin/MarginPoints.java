package lowrot.core.margin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lowrot.core.data.Dataset;

/**
 * The distinct labelled points of a data set, as the global-margin program sees them, and the pricing function
 * h_q(u) = Σ_i q_i y_i σ(u · x_i) over them. Repeated (x, y) pairs are one constraint: the first of each is kept,
 * in data order. The margin of any network is the same over the distinct pairs as over all points, and the LP stays
 * small and far less degenerate (2-sparse parity in d = 6 has 64 distinct points among n = 1000).
 */
final class MarginPoints {
    final int n;
    final int d;
    /** The points as rows of length d. */
    final double[] xs;
    /** Their labels ±1. */
    final double[] ys;

    MarginPoints(Dataset data) {
        if (data.n() == 0) {
            throw new IllegalArgumentException("data: the global margin needs at least one point");
        }
        this.d = data.d();
        double[] allX = data.copyX();
        double[] allY = data.copyY();
        Map<List<Double>, Integer> seen = new HashMap<>();
        int[] keep = new int[data.n()];
        int count = 0;
        for (int i = 0; i < data.n(); i++) {
            List<Double> key = new ArrayList<>(d + 1);
            for (int k = 0; k < d; k++) {
                key.add(allX[i * d + k] + 0.0); // −0.0 and 0.0 are the same point
            }
            key.add(allY[i]);
            if (seen.putIfAbsent(key, i) == null) {
                keep[count++] = i;
            }
        }
        this.n = count;
        this.xs = new double[count * d];
        this.ys = new double[count];
        for (int t = 0; t < count; t++) {
            System.arraycopy(allX, keep[t] * d, xs, t * d, d);
            ys[t] = allY[keep[t]];
        }
    }

    /** h_q(u) = Σ_i q_i y_i σ(u · x_i). */
    double h(double[] q, double[] u) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (q[i] != 0) {
                double dot = dot(u, i);
                if (dot > 0) {
                    s += q[i] * ys[i] * dot;
                }
            }
        }
        return s;
    }

    double dot(double[] u, int i) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += u[k] * xs[i * d + k];
        }
        return s;
    }

    /** Whether {@code columns} holds u already (every coordinate within 1e−13). */
    boolean contains(List<double[]> columns, double[] u) {
        return near(columns, u, 1e-13);
    }

    /** Whether some direction of {@code list} has every coordinate within {@code tolerance} of u's. */
    static boolean near(List<double[]> list, double[] u, double tolerance) {
        for (double[] v : list) {
            double diff = 0;
            for (int k = 0; k < u.length; k++) {
                diff = Math.max(diff, Math.abs(v[k] - u[k]));
            }
            if (diff < tolerance) {
                return true;
            }
        }
        return false;
    }
}
