package lowrot.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
 * also the new columns. The upper bound is therefore certified in every dimension. Stopping is by
 * gap, by rounds and by nodes, never by time: the same data and options give the same bits anywhere.
 */
public final class GlobalMarginSolver {
    private static final long SEARCH_STREAM = 31;
    private static final int ROWS_PER_ROUND = 64;
    private static final int COLUMNS_PER_ROUND = 24;

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

    /** Finds directions with large |h_q| for given dual weights q. */
    private interface Pricer {
        /**
         * Max of |h_q| over the search space (exact or best found) and candidates sorted by |h_q|,
         * descending. {@code dictionary} holds the directions already in the program.
         */
        Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, SolverMonitor monitor);

        /** True when any unit direction may join the dictionary (not for a fixed set of directions). */
        default boolean addsPointDirections() {
            return true;
        }
    }

    /**
     * {@code max} is a proven upper bound on max_u |h_q(u)| when {@code bound} is true; otherwise only the
     * best value a search found, which is never reported.
     */
    private record Priced(double max, List<double[]> candidates, boolean bound) {}

    /** True when some candidate would enter the program as a new column. */
    private boolean improves(Priced priced, double[] q, double above, List<double[]> columns) {
        for (double[] u : priced.candidates()) {
            if (Math.abs(h(q, u)) > above && !contains(columns, u)) {
                return true;
            }
        }
        return false;
    }

    private final int n;
    private final int d;
    private final double[] xs;
    private final double[] ys;

    private GlobalMarginSolver(Dataset data) {
        if (data.n() == 0) {
            throw new IllegalArgumentException("data: the global margin needs at least one point");
        }
        this.d = data.d();
        // Repeated (x, y) pairs are one constraint: keep the first of each, in data order. The margin of
        // any network is the same over the distinct pairs as over all points, and the LP stays small and
        // far less degenerate (2-sparse parity in d = 6 has 64 distinct points among n = 1000).
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

    /**
     * γ_gl of a data set with a certified upper bound in every dimension: exact pricing over the circle
     * for d = 2, branch and bound over activation patterns for d > 2 ({@link PatternSearch}).
     */
    public static GlobalMarginResult solve(Dataset data, Options options, SolverMonitor monitor) {
        return solve(data, options, new double[0], monitor);
    }

    /**
     * The same, with extra starting directions for the search in d &gt; 2 (row-major, any length; for
     * example a trained network's own neurons v_j). Seeds only help the search find good columns sooner;
     * the bounds stay certified whatever they are.
     */
    public static GlobalMarginResult solve(
            Dataset data, Options options, double[] seedDirections, SolverMonitor monitor) {
        options.validate().throwIfAny();
        GlobalMarginSolver solver = new GlobalMarginSolver(data);
        if (seedDirections.length % solver.d != 0) {
            throw new IllegalArgumentException(
                    "seed directions: need a multiple of d = " + solver.d + " entries, got " + seedDirections.length);
        }
        List<double[]> extra = new ArrayList<>();
        for (int j = 0; j < seedDirections.length / solver.d; j++) {
            extra.add(Arrays.copyOfRange(seedDirections, j * solver.d, (j + 1) * solver.d));
        }
        Pricer pricer = data.d() == 2
                ? solver.new CirclePricer()
                : solver.new SpherePricer(options.maxNodes(), options.tolerance() / 4, extra, options.sparseSeeds());
        return solver.run(pricer, options, monitor);
    }

    /**
     * The best path-norm margin reachable with the given directions (row-major m × d, each row
     * normalised here): the no-rotation limit of a network with those frozen directions.
     */
    public static GlobalMarginResult overDirections(
            Dataset data, double[] directions, Options options, SolverMonitor monitor) {
        options.validate().throwIfAny();
        GlobalMarginSolver solver = new GlobalMarginSolver(data);
        if (directions.length == 0 || directions.length % solver.d != 0) {
            throw new IllegalArgumentException(
                    "directions: need a positive multiple of d = " + solver.d + " entries, got " + directions.length);
        }
        return solver.run(solver.new PoolPricer(directions), options, monitor);
    }

    /** The no-rotation limit of a network: the program over its directions v_j/‖v_j‖ (zero rows skipped). */
    public static GlobalMarginResult noRotationLimit(
            Dataset data, Network net, Options options, SolverMonitor monitor) {
        if (net.dim() != data.d()) {
            throw new IllegalArgumentException(
                    "network dimension " + net.dim() + " differs from data dimension " + data.d());
        }
        return overDirections(data, net.copyV(), options, monitor);
    }

    /** h_q(u) = Σ_i q_i y_i σ(u · x_i). */
    private double h(double[] q, double[] u) {
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

    private double dot(double[] u, int i) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += u[k] * xs[i * d + k];
        }
        return s;
    }

    private GlobalMarginResult run(Pricer pricer, Options options, SolverMonitor monitor) {
        // First rows: every point for small sets, else a seeded sample holding both labels.
        List<Integer> rows = new ArrayList<>();
        boolean[] inRows = new boolean[n];
        Rng rng = Rng.stream(options.seed(), SEARCH_STREAM);
        int[] order = IntStream.range(0, n).toArray();
        for (int t = n - 1; t > 0; t--) {
            int r = rng.nextInt(t + 1);
            int tmp = order[t];
            order[t] = order[r];
            order[r] = tmp;
        }
        for (int t = 0; t < Math.min(n, ROWS_PER_ROUND); t++) {
            rows.add(order[t]);
            inRows[order[t]] = true;
        }
        double[] q = new double[n];
        for (int i : rows) {
            q[i] = 1.0 / rows.size();
        }
        List<double[]> columns = new ArrayList<>(pricer.price(q, 2 * COLUMNS_PER_ROUND, List.of(), false, monitor)
                .candidates());
        if (pricer.addsPointDirections()) {
            for (int i : rows) {
                addPointDirection(columns, i);
            }
        }

        double bestLower = Double.NEGATIVE_INFINITY;
        double bestUpper = Double.POSITIVE_INFINITY;
        double[] bestMu = new double[0];
        List<double[]> bestDirs = List.of();
        int rounds = 0;
        boolean converged = false;
        double[] margins = new double[n];
        while (rounds < options.maxRounds()) {
            monitor.checkCancelled();
            rounds++;
            int cols = columns.size();
            int rCount = rows.size();
            double[] f = new double[rCount * cols];
            for (int a = 0; a < rCount; a++) {
                int i = rows.get(a);
                for (int k = 0; k < cols; k++) {
                    double dot = dot(columns.get(k), i);
                    f[a * cols + k] = dot > 0 ? ys[i] * dot : 0.0;
                }
            }
            MarginLp.Solution lp = MarginLp.solve(f, rCount, cols);

            double mass = 0;
            for (double mu : lp.mu()) {
                mass += Math.abs(mu);
            }
            double[] mu = lp.mu().clone();
            if (mass > 0) {
                for (int k = 0; k < cols; k++) {
                    mu[k] /= mass;
                }
            }
            double lower = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double g = 0;
                for (int k = 0; k < cols; k++) {
                    if (mu[k] != 0) {
                        double dot = dot(columns.get(k), i);
                        if (dot > 0) {
                            g += mu[k] * dot;
                        }
                    }
                }
                margins[i] = ys[i] * g;
                lower = Math.min(lower, margins[i]);
            }
            if (lower > bestLower) {
                bestLower = lower;
                bestMu = mu;
                bestDirs = new ArrayList<>(columns);
            }

            Arrays.fill(q, 0.0);
            if (lp.q() != null) {
                for (int a = 0; a < rCount; a++) {
                    q[rows.get(a)] = lp.q()[a];
                }
            } else {
                // No dual from the solver: weigh the rows where μ is tightest, which any q may do.
                double total = 0;
                for (int a = 0; a < rCount; a++) {
                    int i = rows.get(a);
                    q[i] = margins[i] <= lower + 1e-12 + options.tolerance() * Math.abs(lower) ? 1.0 : 0.0;
                    total += q[i];
                }
                for (int i = 0; i < n; i++) {
                    q[i] /= total;
                }
            }
            // Rows first: a point the program has not seen yet and μ does not separate well enough.
            double threshold =
                    Math.max(1e-12, options.tolerance() * Math.abs(Double.isFinite(bestUpper) ? bestUpper : lp.t()))
                            / 4;
            Integer[] violated = IntStream.range(0, n)
                    .filter(i -> !inRows[i] && margins[i] < lp.t() - threshold)
                    .boxed()
                    .sorted((i, j) -> Double.compare(margins[i], margins[j]))
                    .toArray(Integer[]::new);
            // Columns: a cheap search first; the certified (possibly costly) one only once neither rows
            // nor the cheap search improve the program, so it runs a few times per solve, not every round —
            // and in the last round allowed, so that a capped solve still tries for a certificate (any q on
            // the simplex gives a valid bound, even before every row is in).
            Priced priced = pricer.price(q, COLUMNS_PER_ROUND, columns, false, monitor);
            boolean lastRound = rounds == options.maxRounds();
            if (!priced.bound()
                    && (lastRound || violated.length == 0 && !improves(priced, q, lp.t() + threshold, columns))) {
                priced = pricer.price(q, COLUMNS_PER_ROUND, columns, true, monitor);
            }
            if (priced.bound()) {
                bestUpper = Math.min(bestUpper, priced.max());
            }
            monitor.progress(
                    Math.min(0.99, rounds / (double) options.maxRounds()),
                    Double.isFinite(bestUpper)
                            ? String.format("margin in [%.6g, %.6g]", bestLower, bestUpper)
                            : String.format("margin ≥ %.6g (no certificate yet)", bestLower));
            double allowed = Math.max(1e-12, options.tolerance() * Math.abs(bestUpper));
            if (Double.isFinite(bestUpper) && bestUpper - bestLower <= allowed) {
                converged = true;
                break;
            }
            int added = 0;
            for (int t = 0; t < Math.min(ROWS_PER_ROUND, violated.length); t++) {
                rows.add(violated[t]);
                inRows[violated[t]] = true;
                if (pricer.addsPointDirections()) {
                    addPointDirection(columns, violated[t]);
                }
                added++;
            }
            for (double[] u : priced.candidates()) {
                if (Math.abs(h(q, u)) > lp.t() + threshold && !contains(columns, u)) {
                    columns.add(u);
                    added++;
                }
            }
            if (added == 0) {
                break;
            }
        }
        // bestUpper only ever takes values that a pricer proved (exact or a sound bound); when no round
        // produced one within the round cap it stays +∞ and the result is "lower bound only".
        return result(
                bestLower, bestUpper, Double.isFinite(bestUpper), converged, rounds, columns.size(), bestDirs, bestMu);
    }

    /**
     * Adds the direction of point i: with σ(x̂_i · x) for every row point the restricted dictionary
     * separates its rows (an interpolating combination exists for distinct directions), so the
     * restricted program has t > 0 and a meaningful dual instead of the degenerate vertex t = 0.
     */
    private void addPointDirection(List<double[]> columns, int i) {
        double norm = 0;
        for (int k = 0; k < d; k++) {
            norm += xs[i * d + k] * xs[i * d + k];
        }
        if (norm == 0) {
            return;
        }
        double[] u = new double[d];
        for (int k = 0; k < d; k++) {
            u[k] = xs[i * d + k] / Math.sqrt(norm);
        }
        if (!contains(columns, u)) {
            columns.add(u);
        }
    }

    private boolean contains(List<double[]> columns, double[] u) {
        for (double[] c : columns) {
            double diff = 0;
            for (int k = 0; k < d; k++) {
                diff = Math.max(diff, Math.abs(c[k] - u[k]));
            }
            if (diff < 1e-13) {
                return true;
            }
        }
        return false;
    }

    private GlobalMarginResult result(
            double lower,
            double upper,
            boolean exact,
            boolean converged,
            int rounds,
            int dictionary,
            List<double[]> dirs,
            double[] mu) {
        int count = 0;
        for (double w : mu) {
            count += w != 0 ? 1 : 0;
        }
        double[] directions = new double[count * d];
        double[] weights = new double[count];
        int j = 0;
        for (int k = 0; k < mu.length; k++) {
            if (mu[k] != 0) {
                System.arraycopy(dirs.get(k), 0, directions, j * d, d);
                weights[j++] = mu[k];
            }
        }
        return new GlobalMarginResult(lower, upper, exact, converged, rounds, dictionary, d, directions, weights);
    }

    /** d = 2: |h_q| maximised exactly over the circle, arc by arc. */
    private final class CirclePricer implements Pricer {
        @Override
        public Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, SolverMonitor monitor) {
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
    }

    /** A fixed, finite dictionary: |h_q| evaluated on every direction. */
    private final class PoolPricer implements Pricer {
        private final double[][] pool;

        PoolPricer(double[] directions) {
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
        public Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, SolverMonitor monitor) {
            double[] values = new double[pool.length];
            IntStream.range(0, pool.length).parallel().forEach(j -> values[j] = Math.abs(h(q, pool[j])));
            Integer[] order = IntStream.range(0, pool.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
            List<double[]> out = new ArrayList<>();
            for (int t = 0; t < Math.min(limit, order.length); t++) {
                out.add(pool[order[t]]);
            }
            return new Priced(values[order[0]], out, true);
        }
    }

    /**
     * d > 2: max_u |h_q| by ascent from data-driven directions (cheap, a value found, no bound), and when
     * asked to certify, by branch and bound over the activation patterns of the support of q, whose upper
     * bound is sound (see {@link PatternSearch}).
     */
    private final class SpherePricer implements Pricer {
        private final int maxNodes;
        private final double relTol;
        private final List<double[]> extraSeeds;
        private final boolean sparseSeeds;

        SpherePricer(int maxNodes, double relTol, List<double[]> extraSeeds, boolean sparseSeeds) {
            this.maxNodes = maxNodes;
            this.relTol = relTol;
            this.extraSeeds = extraSeeds;
            this.sparseSeeds = sparseSeeds;
        }

        @Override
        public Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, SolverMonitor monitor) {
            int[] supp = IntStream.range(0, n).filter(i -> q[i] != 0).toArray();
            double[] sx = new double[supp.length * d];
            double[] c = new double[supp.length];
            for (int t = 0; t < supp.length; t++) {
                System.arraycopy(xs, supp[t] * d, sx, t * d, d);
                c[t] = q[supp[t]] * ys[supp[t]];
            }
            PatternSearch search = new PatternSearch(sx, supp.length, d);
            List<double[]> climbed = search.climb(c, seeds(search, c, sx, supp.length, dictionary), limit);
            if (!certify) {
                return new Priced(Math.abs(search.h(c, climbed.get(0))), climbed, false);
            }
            PatternSearch.Outcome out = search.maximise(c, climbed, limit, maxNodes, relTol, monitor);
            return new Priced(out.upper(), out.candidates(), true);
        }

        /**
         * Starting directions, in a fixed order: the best 16 of the dictionary, Σ c_i x_i and its
         * negation, the caller's extra seeds (a trained network's neurons), every support point and pair sum and
         * difference (up to 64 points), and, with {@code sparseSeeds}, the coordinate axes and every (±e_a ± e_b)/√2
         * (sparse features such as parity's).
         */
        private List<double[]> seeds(
                PatternSearch search, double[] c, double[] sx, int count, List<double[]> dictionary) {
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
            int points = Math.min(count, 64);
            for (int i = 0; i < points; i++) {
                double[] xi = Arrays.copyOfRange(sx, i * d, (i + 1) * d);
                seeds.add(xi);
                seeds.add(scaled(xi, -1));
                for (int j = i + 1; j < points; j++) {
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
}
