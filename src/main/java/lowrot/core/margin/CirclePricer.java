package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import lowrot.core.util.ProgressMonitor;

/** d = 2: |h_q| maximised exactly over the circle, arc by arc. */
final class CirclePricer implements Pricer {
    private final MarginPoints points;
    private final int n;
    private final int d;
    private final double[] xs;
    private final double[] ys;

    CirclePricer(MarginPoints points) {
        this.points = points;
        this.n = points.n;
        this.d = points.d;
        this.xs = points.xs;
        this.ys = points.ys;
    }

    @Override
    public Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, ProgressMonitor monitor) {
        // Point i is active for angles in (φ_i − π/2, φ_i + π/2). Sweep the circle from angle 0.
        int[] supp = IntStream.range(0, n)
                .filter(i -> q[i] != 0 && (xs[2 * i] != 0 || xs[2 * i + 1] != 0))
                .toArray();
        int events = 2 * supp.length;
        double[] angle = new double[events];
        int[] who = new int[events];
        double wx = 0;
        double wy = 0;
        for (int e = 0; e < supp.length; e++) {
            int i = supp[e];
            double phi = Math.atan2(xs[2 * i + 1], xs[2 * i]);
            angle[2 * e] = wrap(phi - Math.PI / 2);
            who[2 * e] = i;
            angle[2 * e + 1] = wrap(phi + Math.PI / 2);
            who[2 * e + 1] = -1 - i;
            // Active at angle 0 exactly when its interval wraps past 0: it leaves before it enters.
            if (angle[2 * e + 1] < angle[2 * e]) {
                wx += q[i] * ys[i] * xs[2 * i];
                wy += q[i] * ys[i] * xs[2 * i + 1];
            }
        }
        Integer[] idx = new Integer[events];
        for (int e = 0; e < events; e++) {
            idx[e] = e;
        }
        Arrays.sort(idx, (p, r) -> Double.compare(angle[p], angle[r]));
        List<double[]> found = new ArrayList<>();
        double start = 0;
        for (int t = 0; t <= events; t++) {
            double end = t < events ? angle[idx[t]] : 2 * Math.PI;
            if (end > start) {
                arcCandidates(start, end, wx, wy, found);
            }
            if (t < events) {
                int code = who[idx[t]];
                int i = code >= 0 ? code : -1 - code;
                double sign = code >= 0 ? 1 : -1;
                wx += sign * q[i] * ys[i] * xs[2 * i];
                wy += sign * q[i] * ys[i] * xs[2 * i + 1];
                start = end;
            }
        }
        if (supp.length == 0) {
            found.add(new double[] {0, 0});
        }
        found.sort((p, r) -> Double.compare(r[1], p[1]));
        double max = found.get(0)[1];
        List<double[]> out = new ArrayList<>();
        for (double[] c : found) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new double[] {Math.cos(c[0]), Math.sin(c[0])});
        }
        // Exact value at the best angle, free of the sweep's accumulated rounding.
        double exactMax = Math.abs(h(q, out.get(0)));
        return new Priced(Math.max(max, exactMax), out, true);
    }

    /** Candidates on [start, end] where h = ⟨u(θ), w⟩: both ends and ±w if inside. Entries (θ, |h|). */
    private void arcCandidates(double start, double end, double wx, double wy, List<double[]> out) {
        double best = -1;
        double bestAngle = start;
        double[] tries = {start, end, Math.atan2(wy, wx), Math.atan2(-wy, -wx)};
        for (int c = 0; c < tries.length; c++) {
            double theta = c < 2 ? tries[c] : wrap(tries[c]);
            if (theta < start || theta > end) {
                continue;
            }
            double val = Math.abs(Math.cos(theta) * wx + Math.sin(theta) * wy);
            if (val > best) {
                best = val;
                bestAngle = theta;
            }
        }
        out.add(new double[] {bestAngle, best});
    }

    private double wrap(double theta) {
        double t = theta % (2 * Math.PI);
        return t < 0 ? t + 2 * Math.PI : t;
    }

    private double h(double[] q, double[] u) {
        return points.h(q, u);
    }
}
