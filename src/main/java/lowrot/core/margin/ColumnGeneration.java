package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;

/**
 * Row and column generation for the global-margin program over one set of {@link MarginPoints}: the restricted LP
 * (some points, some directions) gives μ and dual weights q; points that μ does not separate well enough join the
 * rows, and directions with large |h_q| that the {@link Pricer} finds join the columns, until the certified gap
 * closes, the round cap is reached or nothing is left to add. Every round yields a certified lower bound (the margin
 * of μ on all points) and, when the pricer proves one, an upper bound (max_u |h_q(u)|; any q on the simplex gives a
 * valid bound). A solve also ends, after one more certified pricing, when the lower bound has not improved for
 * {@value #STALL_ROUNDS} rounds that added no row: on degenerate programs (parity) the dual otherwise keeps
 * producing columns that do not raise the margin until the round cap. One instance runs once.
 */
final class ColumnGeneration {
    private static final long SEARCH_STREAM = 31;
    private static final int ROWS_PER_ROUND = 64;
    private static final int COLUMNS_PER_ROUND = 24;
    /** Rounds without a better lower bound after which the solve certifies once more and ends. */
    private static final int STALL_ROUNDS = 8;

    private final MarginPoints points;
    private final int n;
    private final int d;
    private final Pricer pricer;
    private final GlobalMarginSolver.Options options;
    private final ProgressMonitor monitor;
    private final Consumer<GlobalMarginResult> interim;

    private final List<Integer> rows = new ArrayList<>();
    private final boolean[] inRows;
    private final double[] q;
    private final double[] margins;
    private List<double[]> columns;

    /**
     * The zero network (no neuron, path norm 0 ≤ 1) has margin 0, so γ_gl ≥ 0 always: the best lower bound starts
     * there, and a program whose every μ has a negative margin (a point carrying both labels) returns the zero
     * network with margin 0, not a network that misclassifies.
     */
    private double bestLower = 0;

    private double bestUpper = Double.POSITIVE_INFINITY;
    /** The first round's quick certificate (see {@link #quickBound}) and its weights. */
    private double quickUpper = Double.POSITIVE_INFINITY;

    private double[] quickQ;
    /** The bounds when one of them last improved, and the rounds since. */
    private double stallLower = -1;

    private double stallUpper = Double.POSITIVE_INFINITY;

    private int stalled;
    private double[] bestMu = new double[0];
    private List<double[]> bestDirs = List.of();
    /** The bounds last reported on the way. */
    private double reportedLower = Double.NaN;

    private double reportedUpper = Double.NaN;
    /** The dual weights whose pricing maximum is bestUpper: the certificate. */
    private double[] bestQ;

    /**
     * A run of the program; {@code interim} hears the certified bounds and the best network whenever they improve on
     * the way (it changes nothing the run computes).
     */
    ColumnGeneration(
            MarginPoints points,
            Pricer pricer,
            GlobalMarginSolver.Options options,
            ProgressMonitor monitor,
            Consumer<GlobalMarginResult> interim) {
        this.points = points;
        this.n = points.n;
        this.d = points.d;
        this.pricer = pricer;
        this.options = options;
        this.monitor = monitor;
        this.interim = interim;
        this.inRows = new boolean[n];
        this.q = new double[n];
        this.margins = new double[n];
    }

    GlobalMarginResult run() {
        firstRowsAndColumns();
        int rounds = 0;
        boolean converged = false;
        while (rounds < options.maxRounds()) {
            monitor.checkCancelled();
            rounds++;
            MarginLp.Solution lp = MarginLp.solve(restrictedMatrix(), rows.size(), columns.size());
            double lower = measureMargins(lp);
            setDualWeights(lp, lower);
            // Rows first: a point the program has not seen yet and μ does not separate well enough.
            double threshold =
                    Math.max(1e-12, options.tolerance() * Math.abs(Double.isFinite(bestUpper) ? bestUpper : lp.t()))
                            / 4;
            Integer[] violated = IntStream.range(0, n)
                    .filter(i -> !inRows[i] && margins[i] < lp.t() - threshold)
                    .boxed()
                    .sorted((i, j) -> Double.compare(margins[i], margins[j]))
                    .toArray(Integer[]::new);
            // Stalled: the lower bound has not moved for STALL_ROUNDS rounds while the dual keeps finding columns
            // that do not raise it (a degenerate program's tailing); this round certifies and is the last.
            // Only rounds that add no row count: while rows come in, the bound may wait for them.
            // Changes below 1e−9 relative are the simplex method's noise on a margin that does not move.
            boolean improved = bestLower > stallLower + 1e-9 * Math.abs(stallLower) || bestUpper < stallUpper;
            stalled = improved || violated.length > 0 ? 0 : stalled + 1;
            if (improved) {
                stallLower = bestLower;
                stallUpper = bestUpper;
            }
            boolean last = rounds == options.maxRounds() || stalled >= STALL_ROUNDS;
            Pricer.Priced priced = price(lp.t() + threshold, violated.length > 0, last);
            if (priced.bound() && priced.max() < bestUpper) {
                bestUpper = priced.max();
                bestQ = priced.certified() != null ? priced.certified().clone() : q.clone();
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
            if (rounds == 1 && !Double.isFinite(bestUpper)) {
                quickBound();
            }
            if (bestLower != reportedLower || shownUpper() != reportedUpper) {
                reportedLower = bestLower;
                reportedUpper = shownUpper();
                interim.accept(result(Double.isFinite(shownUpper()), false, rounds, true));
            }
            if (last || grow(violated, priced, lp.t() + threshold) == 0) {
                break;
            }
        }
        // bestUpper only ever takes values that a pricer proved (exact or a sound bound); when no round
        // produced one within the round cap it stays +∞ and the result is "lower bound only".
        return result(Double.isFinite(shownUpper()), converged, rounds, false);
    }

    /** First rows: every point for small sets, else a seeded sample; first columns from uniform q on them. */
    private void firstRowsAndColumns() {
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
        for (int i : rows) {
            q[i] = 1.0 / rows.size();
        }
        columns = new ArrayList<>(pricer.price(q, 2 * COLUMNS_PER_ROUND, List.of(), false, monitor)
                .candidates());
        if (pricer.addsPointDirections()) {
            for (int i : rows) {
                addPointDirection(i);
            }
        }
    }

    /** F[a, k] = y_i σ(u_k · x_i) for the a-th row i and the k-th column u_k. */
    private double[] restrictedMatrix() {
        int cols = columns.size();
        int rCount = rows.size();
        double[] f = new double[rCount * cols];
        for (int a = 0; a < rCount; a++) {
            int i = rows.get(a);
            for (int k = 0; k < cols; k++) {
                double dot = points.dot(columns.get(k), i);
                f[a * cols + k] = dot > 0 ? points.ys[i] * dot : 0.0;
            }
        }
        return f;
    }

    /**
     * The margin of the LP's μ, scaled to total mass 1, on every point (into {@code margins}); keeps μ when its
     * smallest margin, returned, is the best so far: a certified lower bound.
     */
    private double measureMargins(MarginLp.Solution lp) {
        int cols = columns.size();
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
                    double dot = points.dot(columns.get(k), i);
                    if (dot > 0) {
                        g += mu[k] * dot;
                    }
                }
            }
            margins[i] = points.ys[i] * g;
            lower = Math.min(lower, margins[i]);
        }
        if (lower > bestLower) {
            bestLower = lower;
            bestMu = mu;
            bestDirs = new ArrayList<>(columns);
        }
        return lower;
    }

    /** q from the LP's dual, or where it has none, uniform over the rows where μ is tightest (any q may be used). */
    private void setDualWeights(MarginLp.Solution lp, double lower) {
        int rCount = rows.size();
        Arrays.fill(q, 0.0);
        if (lp.q() != null) {
            for (int a = 0; a < rCount; a++) {
                q[rows.get(a)] = lp.q()[a];
            }
        } else {
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
    }

    /**
     * Columns: a cheap search first; the certified (possibly costly) one only once neither rows nor the cheap search
     * improve the program, so it runs a few times per solve, not every round — and in the last round allowed, so
     * that a capped solve still tries for a certificate (any q on the simplex gives a valid bound, even before every
     * row is in).
     */
    private Pricer.Priced price(double above, boolean rowsToAdd, boolean lastRound) {
        Pricer.Priced priced = pricer.price(q, COLUMNS_PER_ROUND, columns, false, monitor);
        if (!priced.bound() && (lastRound || !rowsToAdd && !improves(priced, above))) {
            priced = pricer.price(q, COLUMNS_PER_ROUND, columns, true, monitor);
        }
        return priced;
    }

    /** True when some candidate would enter the program as a new column. */
    private boolean improves(Pricer.Priced priced, double above) {
        for (double[] u : priced.candidates()) {
            if (Math.abs(points.h(q, u)) > above && !points.contains(columns, u)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the most violated rows (with their directions) and the priced columns above the bar; returns how many. */
    private int grow(Integer[] violated, Pricer.Priced priced, double above) {
        int added = 0;
        for (int t = 0; t < Math.min(ROWS_PER_ROUND, violated.length); t++) {
            rows.add(violated[t]);
            inRows[violated[t]] = true;
            if (pricer.addsPointDirections()) {
                addPointDirection(violated[t]);
            }
            added++;
        }
        for (double[] u : priced.candidates()) {
            if (Math.abs(points.h(q, u)) > above && !points.contains(columns, u)) {
                columns.add(u);
                added++;
            }
        }
        return added;
    }

    /**
     * Adds the direction of point i: with σ(x̂_i · x) for every row point the restricted dictionary
     * separates its rows (an interpolating combination exists for distinct directions), so the
     * restricted program has t > 0 and a meaningful dual instead of the degenerate vertex t = 0.
     */
    private void addPointDirection(int i) {
        double[] xs = points.xs;
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
        if (!points.contains(columns, u)) {
            columns.add(u);
        }
    }

    /**
     * A certificate of the first round's weights from a short search ({@link Pricer#quickBound}), so that the
     * first proven interval comes within a second or two; kept apart from the program's own certificates, whose
     * search it does not change.
     */
    private void quickBound() {
        Pricer.Priced quick = pricer.quickBound(q, monitor);
        if (quick != null && quick.bound()) {
            quickUpper = quick.max();
            quickQ = quick.certified() != null ? quick.certified().clone() : q.clone();
        }
    }

    /** The best proven upper bound: the program's, or the quick one of the first round when that is lower. */
    private double shownUpper() {
        return Math.min(bestUpper, quickUpper);
    }

    /** The points with positive dual weight in the certificate, in point order; null when no bound was proven. */
    private GlobalMarginResult.Certificate certificate() {
        double[] bestQ = quickUpper < this.bestUpper ? quickQ : this.bestQ;
        if (bestQ == null) {
            return null;
        }
        int support = 0;
        for (double w : bestQ) {
            support += w > 0 ? 1 : 0;
        }
        double[] x = new double[support * d];
        double[] y = new double[support];
        double[] w = new double[support];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (bestQ[i] > 0) {
                System.arraycopy(points.xs, i * d, x, t * d, d);
                y[t] = points.ys[i];
                w[t++] = bestQ[i];
            }
        }
        return new GlobalMarginResult.Certificate(x, y, w, shownUpper());
    }

    /** The best network and bounds so far; {@code onTheWay} while the run still works. */
    private GlobalMarginResult result(boolean exact, boolean converged, int rounds, boolean onTheWay) {
        int count = 0;
        for (double w : bestMu) {
            count += w != 0 ? 1 : 0;
        }
        double[] directions = new double[count * d];
        double[] weights = new double[count];
        int j = 0;
        for (int k = 0; k < bestMu.length; k++) {
            if (bestMu[k] != 0) {
                System.arraycopy(bestDirs.get(k), 0, directions, j * d, d);
                weights[j++] = bestMu[k];
            }
        }
        return new GlobalMarginResult(
                bestLower,
                shownUpper(),
                exact,
                converged,
                rounds,
                columns.size(),
                d,
                directions,
                weights,
                certificate(),
                onTheWay);
    }
}
