package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lowrot.core.data.Dataset;
import lowrot.core.model.Network;
import lowrot.core.util.Problems;
import lowrot.core.util.ProgressMonitor;

/**
 * The global margin γ_gl = sup over measures μ on the unit sphere with total mass ≤ 1 of
 * min_i y_i ∫ σ(u · x_i) dμ(u), and the same program over a fixed set of directions (the
 * no-rotation limit of a network).
 *
 * <p>A linear program over a dictionary of unit directions is solved with row and column
 * generation: the restricted program (some points, some directions) gives μ and dual weights q;
 * points that μ does not separate well enough join the rows, and directions u with large
 * |h_q(u)| = |Σ_i q_i y_i σ(u · x_i)| join the columns, until nothing is left to add. Every round
 * yields a certified lower bound (the margin of μ on all points) and an upper bound (max_u |h_q(u)|):
 * exact for d = 2, where h_q is a cosine on each arc between activation breakpoints, so the
 * dictionary is effectively the whole circle (every breakpoint and every arc's stationary point);
 * exact over a fixed dictionary; and for d > 2 bounded soundly from above by branch and bound over
 * the activation patterns of the support of q ({@link PatternSearch}), whose best directions are
 * also the new columns. The loop is {@link ColumnGeneration}; the pricers are {@link CirclePricer} (d = 2),
 * {@link SpherePricer} (d &gt; 2) and {@link PoolPricer} (a fixed dictionary); {@link MarginPoints} merges repeated
 * points. The upper bound is therefore certified in every dimension. Stopping is by
 * gap, by rounds and by nodes, never by time: the same data and options give the same bits anywhere.
 */
public final class GlobalMarginSolver {
    private GlobalMarginSolver() {}

    /**
     * @param tolerance stop when upper − lower ≤ tolerance · upper (relative; an absolute floor of
     *                  1e−12 applies where the margin is 0)
     * @param maxRounds cap on rounds of row and column generation
     * @param maxNodes  d > 2: cap on branch-and-bound nodes per pricing problem and sign; the upper
     *                  bound stays certified when it is reached, only looser
     * @param seed      seed of the first rows
     * @param sparseSeeds d &gt; 2: whether the search for columns also starts from the coordinate axes and every
     *                  (±e_a ± e_b)/√2. They find sparse features such as parity's at once; a learner that must
     *                  not be told which directions are sparse (the max-margin network of the sample-complexity
     *                  experiment) switches them off and starts from the data only. The bounds are certified
     *                  either way.
     */
    public record Options(double tolerance, int maxRounds, int maxNodes, long seed, boolean sparseSeeds) {
        /** Relative gap 1e−5, 300 rounds, 20,000 nodes, seed 1, sparse seeds on. */
        public static Options defaults() {
            return new Options(1e-5, 300, 20_000, 1, true);
        }

        public Options withTolerance(double t) {
            return new Options(t, maxRounds, maxNodes, seed, sparseSeeds);
        }

        public Options withMaxRounds(int r) {
            return new Options(tolerance, r, maxNodes, seed, sparseSeeds);
        }

        public Options withMaxNodes(int k) {
            return new Options(tolerance, maxRounds, k, seed, sparseSeeds);
        }

        public Options withSeed(long s) {
            return new Options(tolerance, maxRounds, maxNodes, s, sparseSeeds);
        }

        public Options withSparseSeeds(boolean value) {
            return new Options(tolerance, maxRounds, maxNodes, seed, value);
        }

        Problems validate() {
            return new Problems()
                    .rangeAbove("global.tolerance", tolerance, 0, 1)
                    .range("global.maxRounds", maxRounds, 1, 100_000)
                    .range("global.maxNodes", maxNodes, 1, 100_000_000);
        }
    }

    /**
     * γ_gl of a data set with a certified upper bound in every dimension: exact pricing over the circle
     * for d = 2, branch and bound over activation patterns for d > 2 ({@link PatternSearch}).
     */
    public static GlobalMarginResult solve(Dataset data, Options options, ProgressMonitor monitor) {
        return solve(data, options, new double[0], monitor);
    }

    /**
     * The same, with extra starting directions for the search in d &gt; 2 (row-major, any length; for
     * example a trained network's own neurons v_j). Seeds only help the search find good columns sooner;
     * the bounds stay certified whatever they are.
     */
    public static GlobalMarginResult solve(
            Dataset data, Options options, double[] seedDirections, ProgressMonitor monitor) {
        return solve(data, options, seedDirections, monitor, r -> {});
    }

    /**
     * The same, telling {@code interim} the proven bounds and the best network so far each time they improve (as
     * {@link GlobalMarginResult#interim()} results), so that a window can draw γ_gl's interval as it tightens; the
     * final result is the same bits with or without a listener.
     */
    public static GlobalMarginResult solve(
            Dataset data,
            Options options,
            double[] seedDirections,
            ProgressMonitor monitor,
            java.util.function.Consumer<GlobalMarginResult> interim) {
        options.validate().throwIfAny();
        MarginPoints points = new MarginPoints(data);
        int d = points.d;
        if (seedDirections.length % d != 0) {
            throw new IllegalArgumentException(
                    "seed directions: need a multiple of d = " + d + " entries, got " + seedDirections.length);
        }
        List<double[]> extra = new ArrayList<>();
        for (int j = 0; j < seedDirections.length / d; j++) {
            extra.add(Arrays.copyOfRange(seedDirections, j * d, (j + 1) * d));
        }
        Pricer pricer = data.d() == 2
                ? new CirclePricer(points)
                : new SpherePricer(points, options.maxNodes(), options.tolerance() / 4, extra, options.sparseSeeds());
        return new ColumnGeneration(points, pricer, options, monitor, interim).run();
    }

    /**
     * The best path-norm margin reachable with the given directions (row-major m × d, each row
     * normalised here): the no-rotation limit of a network with those frozen directions.
     */
    public static GlobalMarginResult overDirections(
            Dataset data, double[] directions, Options options, ProgressMonitor monitor) {
        options.validate().throwIfAny();
        MarginPoints points = new MarginPoints(data);
        if (directions.length == 0 || directions.length % points.d != 0) {
            throw new IllegalArgumentException(
                    "directions: need a positive multiple of d = " + points.d + " entries, got " + directions.length);
        }
        return new ColumnGeneration(points, new PoolPricer(points, directions), options, monitor, r -> {}).run();
    }

    /** The no-rotation limit of a network: the program over its directions v_j/‖v_j‖ (zero rows skipped). */
    public static GlobalMarginResult noRotationLimit(
            Dataset data, Network net, Options options, ProgressMonitor monitor) {
        if (net.dim() != data.d()) {
            throw new IllegalArgumentException(
                    "network dimension " + net.dim() + " differs from data dimension " + data.d());
        }
        return overDirections(data, net.copyV(), options, monitor);
    }
}
