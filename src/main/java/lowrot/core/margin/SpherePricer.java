package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import lowrot.core.util.ProgressMonitor;

/**
 * d > 2: max_u |h_q| by ascent from data-driven directions (cheap, a value found, no bound), and when
 * asked to certify, by branch and bound over the activation patterns of the support of q, whose upper
 * bound is sound (see {@link PatternSearch}). When the data have symmetries ({@link PointSymmetry}) the certified
 * search is for q averaged over them, over one fundamental cone: a bound at least as good for a fraction of the
 * work.
 */
final class SpherePricer implements Pricer {
    /** Images of a direction under the data's symmetries tried for the best column, at most. */
    private static final int IMAGES = 4096;

    private final MarginPoints points;
    /** The dimension d. */
    private final int d;

    private final int maxNodes;

    private final double relTol;
    private final List<double[]> extraSeeds;
    private final boolean sparseSeeds;
    /** The data's symmetries: with any, certified searches cover one fundamental cone for the averaged q. */
    private final PointSymmetry symmetry;

    SpherePricer(MarginPoints points, int maxNodes, double relTol, List<double[]> extraSeeds, boolean sparseSeeds) {
        this.points = points;
        this.d = points.d;
        this.maxNodes = maxNodes;
        this.relTol = relTol;
        this.extraSeeds = extraSeeds;
        this.sparseSeeds = sparseSeeds;
        this.symmetry = PointSymmetry.of(points);
    }

    @Override
    public Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, ProgressMonitor monitor) {
        return certify
                ? certified(q, limit, dictionary, maxNodes, monitor)
                : search(q, limit, dictionary, false, List.of(), maxNodes, monitor);
    }

    /** The certified search with a hundredth of the nodes (at least 100): loose, but there within a second. */
    @Override
    public Priced quickBound(double[] q, ProgressMonitor monitor) {
        return certified(q, 1, List.of(), Math.max(100, maxNodes / 100), monitor);
    }

    /**
     * The certified search with a node cap. With symmetries the bound is proven for q averaged over them, searching
     * one fundamental cone only, and each direction found is replaced by its image that does best for q itself.
     */
    private Priced certified(double[] q, int limit, List<double[]> dictionary, int nodes, ProgressMonitor monitor) {
        if (symmetry.trivial()) {
            return search(q, limit, dictionary, true, List.of(), nodes, monitor);
        }
        double[] averaged = symmetry.symmetrize(q);
        Priced p = search(averaged, limit, dictionary, true, symmetry.cone(), nodes, monitor);
        List<double[]> columns = new ArrayList<>();
        for (double[] u : p.candidates()) {
            double[] image = symmetry.bestImage(u, v -> Math.abs(points.h(q, v)), IMAGES);
            if (!MarginPoints.near(columns, image, 1e-12)) {
                columns.add(image);
            }
        }
        return new Priced(p.max(), columns, true, averaged);
    }

    private Priced search(
            double[] q,
            int limit,
            List<double[]> dictionary,
            boolean certify,
            List<double[]> cone,
            int nodes,
            ProgressMonitor monitor) {
        // The support of q, its points and coefficients c_i = q_i y_i, in point order.
        int[] supp = IntStream.range(0, points.n).filter(i -> q[i] != 0).toArray();
        double[] sx = new double[supp.length * d];
        double[] c = new double[supp.length];
        for (int t = 0; t < supp.length; t++) {
            System.arraycopy(points.xs, supp[t] * d, sx, t * d, d);
            c[t] = q[supp[t]] * points.ys[supp[t]];
        }
        PatternSearch search = new PatternSearch(sx, supp.length, d);
        List<double[]> climbed = search.climb(c, seeds(search, c, sx, supp.length, dictionary), limit);
        if (!certify) {
            return new Priced(Math.abs(search.h(c, climbed.get(0))), climbed, false);
        }
        PatternSearch.Outcome out = search.maximise(c, climbed, limit, nodes, relTol, cone, monitor);
        return new Priced(out.upper(), out.candidates(), true);
    }

    /**
     * Starting directions, in a fixed order: the best 16 of the dictionary, Σ c_i x_i and its
     * negation, the caller's extra seeds (a trained network's neurons), every support point and pair sum and
     * difference (up to 64 points), and, with {@code sparseSeeds}, the coordinate axes and every (±e_a ± e_b)/√2
     * (sparse features such as parity's).
     */
    private List<double[]> seeds(PatternSearch search, double[] c, double[] sx, int count, List<double[]> dictionary) {
        List<double[]> seeds = new ArrayList<>();
        List<double[]> sorted = new ArrayList<>(dictionary);
        double[] value = new double[sorted.size()];
        Integer[] order = new Integer[sorted.size()];
        for (int t = 0; t < sorted.size(); t++) {
            value[t] = Math.abs(search.h(c, sorted.get(t)));
            order[t] = t;
        }
        Arrays.sort(order, (p, r) -> Double.compare(value[r], value[p]));
        for (int t = 0; t < Math.min(16, order.length); t++) {
            seeds.add(sorted.get(order[t]));
        }
        double[] all = new double[d];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < d; k++) {
                all[k] += c[i] * sx[i * d + k];
            }
        }
        seeds.add(all);
        seeds.add(scaled(all, -1));
        seeds.addAll(extraSeeds);
        int pointCount = Math.min(count, 64);
        for (int i = 0; i < pointCount; i++) {
            double[] xi = Arrays.copyOfRange(sx, i * d, (i + 1) * d);
            seeds.add(xi);
            seeds.add(scaled(xi, -1));
            for (int j = i + 1; j < pointCount; j++) {
                double[] sum = new double[d];
                double[] diff = new double[d];
                for (int k = 0; k < d; k++) {
                    sum[k] = xi[k] + sx[j * d + k];
                    diff[k] = xi[k] - sx[j * d + k];
                }
                seeds.add(sum);
                seeds.add(diff);
            }
        }
        for (int a = 0; sparseSeeds && a < d; a++) {
            double[] e = new double[d];
            e[a] = 1;
            seeds.add(e);
            seeds.add(scaled(e, -1));
            for (int b2 = a + 1; b2 < d; b2++) {
                for (int sa = -1; sa <= 1; sa += 2) {
                    for (int sb = -1; sb <= 1; sb += 2) {
                        double[] v = new double[d];
                        v[a] = sa;
                        v[b2] = sb;
                        seeds.add(v);
                    }
                }
            }
        }
        return seeds;
    }

    private double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = factor * v[k];
        }
        return out;
    }
}
