package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import lowrot.core.util.Parallel;
import lowrot.core.util.ProgressMonitor;

/** A fixed, finite dictionary: |h_q| evaluated on every direction. */
final class PoolPricer implements Pricer {
    private final double[][] pool;
    private final MarginPoints points;
    private final int n;
    private final int d;
    private final double[] xs;
    private final double[] ys;

    PoolPricer(MarginPoints points, double[] directions) {
        this.points = points;
        this.n = points.n;
        this.d = points.d;
        this.xs = points.xs;
        this.ys = points.ys;
        int count = directions.length / d;
        List<double[]> rows = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += directions[j * d + k] * directions[j * d + k];
            }
            norm = Math.sqrt(norm);
            if (norm > 0 && Double.isFinite(norm)) {
                double[] u = new double[d];
                for (int k = 0; k < d; k++) {
                    u[k] = directions[j * d + k] / norm;
                }
                rows.add(u);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("directions: all are zero");
        }
        this.pool = rows.toArray(new double[0][]);
    }

    @Override
    public boolean addsPointDirections() {
        return false;
    }

    @Override
    public Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, ProgressMonitor monitor) {
        double[] values = new double[pool.length];
        Parallel.indices(pool.length, j -> values[j] = Math.abs(h(q, pool[j])));
        Integer[] order = IntStream.range(0, pool.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < Math.min(limit, order.length); t++) {
            out.add(pool[order[t]]);
        }
        return new Priced(values[order[0]], out, true);
    }

    private double h(double[] q, double[] u) {
        return points.h(q, u);
    }
}
