package lowrot.core.margin;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.ModelEntity;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.type.keyvalue.EntryPair;

/**
 * The margin linear program over a finite dictionary, solved with ojAlgo:
 * maximise t subject to Σ_k F_ik μ_k ≥ t for every row i and Σ_k |μ_k| ≤ 1, with
 * F_ik = y_i σ(u_k · x_i). Its dual is min_{q ∈ simplex} max_k |Σ_i q_i F_ik|.
 */
final class MarginLp {
    static {
        // ojAlgo prints a notice about hardware profiles on first use unless told not to.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    /**
     * Optimal t, signed weights μ (Σ|μ| ≤ 1) and row weights q (on the simplex; null when the solver
     * gave none). Any μ and any q still give valid bounds; only their quality depends on the solver.
     */
    record Solution(double t, double[] mu, double[] q) {}

    private static final double PERTURBATION = 1e-12;
    /**
     * SimplexProjection iterations per solve, at least this many and 10 per row and column: a count, never a clock,
     * so a solve ends the same way on any machine. Symmetric data (parity) make the program so degenerate
     * that the simplex method can stall for millions of pivots; a solve cut short still yields a valid μ
     * (its margin is re-evaluated) and a valid q (any point of the simplex gives an upper bound).
     */
    private static final int MIN_ITERATIONS = 5_000;

    private MarginLp() {}

    private static void limit(ExpressionsBasedModel model, int size) {
        model.options.iterations_abort = Math.max(MIN_ITERATIONS, 10 * size);
        model.options.time_abort = Long.MAX_VALUE;
        model.options.time_suffice = Long.MAX_VALUE;
        model.options.sparse = Boolean.getBoolean("lowrot.lp.sparse");
    }

    /**
     * Solves the program for a rows × cols feature matrix F (row-major). The row weights come from
     * the solver's multipliers; when those are missing or inconsistent, from the dual program; when that fails too
     * (on parity the simplex method can stall at its iteration cap on both), from the matrix game's central weights
     * ({@link MatrixGame}), which are valid as any q is, and whose pricing bound is tight to the game's gap.
     */
    static Solution solve(double[] f, int rows, int cols) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        limit(model, rows + cols);
        // t ≥ 0 loses nothing (μ = 0 has margin 0) and makes the origin a feasible start.
        Variable t = model.addVariable("t").lower(0).weight(1);
        Variable[] plus = new Variable[cols];
        Variable[] minus = new Variable[cols];
        Expression mass = model.addExpression("mass").upper(1);
        for (int k = 0; k < cols; k++) {
            plus[k] = model.addVariable("p" + k).lower(0);
            minus[k] = model.addVariable("n" + k).lower(0);
            mass.set(plus[k], 1);
            mass.set(minus[k], 1);
        }
        for (int i = 0; i < rows; i++) {
            // A tiny, row-specific slack breaks the massive degeneracy of this program (many rows
            // tight at once), on which the simplex method can otherwise cycle. It can only cost the
            // solution ~1e-12 of margin, and the caller evaluates the margin of μ exactly anyway.
            Expression row = model.addExpression("r" + i).upper(PERTURBATION * (1 + (i * 0.6180339887498949) % 1));
            row.set(t, 1);
            for (int k = 0; k < cols; k++) {
                double fik = f[i * cols + k];
                if (fik != 0) {
                    row.set(plus[k], -fik);
                    row.set(minus[k], fik);
                }
            }
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isFeasible()) {
            // Cannot happen for this program (μ = 0, t = 0 is feasible) unless the solver failed.
            return new Solution(0, new double[cols], null);
        }
        double tValue = t.getValue().doubleValue();
        double[] mu = new double[cols];
        for (int k = 0; k < cols; k++) {
            mu[k] = plus[k].getValue().doubleValue() - minus[k].getValue().doubleValue();
        }
        double[] q = result.getState().isOptimal() ? multipliers(result, rows) : null;
        if (q == null || !consistent(f, rows, cols, q, tValue)) {
            q = dual(f, rows, cols);
        }
        if (q == null) {
            q = central(f, rows, cols);
        }
        return new Solution(tValue, mu, q);
    }

    /** Central dual weights of the program (see {@link MatrixGame}), from a count of iterations set by the size. */
    static double[] central(double[] f, int rows, int cols) {
        // About 10⁸ multiply-adds: 1,000 to 20,000 iterations.
        int iterations = (int) Math.max(1_000, Math.min(20_000, 25_000_000L / ((long) rows * cols)));
        return MatrixGame.solve(f, rows, cols, iterations);
    }

    private static double[] multipliers(Optimisation.Result result, int rows) {
        List<EntryPair.KeyedPrimitive<EntryPair<ModelEntity<?>, Optimisation.ConstraintType>>> matched;
        try {
            matched = result.getMatchedMultipliers();
        } catch (RuntimeException e) {
            return null;
        }
        if (matched == null || matched.isEmpty()) {
            return null;
        }
        double[] q = new double[rows];
        for (EntryPair.KeyedPrimitive<EntryPair<ModelEntity<?>, Optimisation.ConstraintType>> entry : matched) {
            String name = entry.getKey().getKey().getName();
            if (name != null && name.startsWith("r")) {
                int i = Integer.parseInt(name.substring(1));
                q[i] += Math.abs(entry.doubleValue());
            }
        }
        double sum = 0;
        for (double v : q) {
            sum += v;
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            return null;
        }
        for (int i = 0; i < rows; i++) {
            q[i] /= sum;
        }
        return q;
    }

    /** The dual value of q over the dictionary must equal t (LP duality) up to the solver's tolerance. */
    private static boolean consistent(double[] f, int rows, int cols, double[] q, double t) {
        return Math.abs(dualValue(f, rows, cols, q) - t) <= 1e-8 * Math.max(1, Math.abs(t));
    }

    static double dualValue(double[] f, int rows, int cols, double[] q) {
        double best = 0;
        for (int k = 0; k < cols; k++) {
            double h = 0;
            for (int i = 0; i < rows; i++) {
                h += q[i] * f[i * cols + k];
            }
            best = Math.max(best, Math.abs(h));
        }
        return best;
    }

    /** min s subject to |Σ_i q_i F_ik| ≤ s for every k, q on the simplex. */
    private static double[] dual(double[] f, int rows, int cols) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        limit(model, rows + cols);
        Variable s = model.addVariable("s").weight(1);
        Variable[] q = new Variable[rows];
        Expression sum = model.addExpression("sum").level(1);
        for (int i = 0; i < rows; i++) {
            q[i] = model.addVariable("q" + i).lower(0);
            sum.set(q[i], 1);
        }
        for (int k = 0; k < cols; k++) {
            double slack = PERTURBATION * (1 + (k * 0.6180339887498949) % 1);
            Expression up = model.addExpression("u" + k).upper(slack);
            Expression down = model.addExpression("d" + k).upper(slack);
            for (int i = 0; i < rows; i++) {
                double fik = f[i * cols + k];
                if (fik != 0) {
                    up.set(q[i], fik);
                    down.set(q[i], -fik);
                }
            }
            up.set(s, -1);
            down.set(s, -1);
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            return null;
        }
        double[] out = new double[rows];
        double total = 0;
        for (int i = 0; i < rows; i++) {
            out[i] = Math.max(0, q[i].getValue().doubleValue());
            total += out[i];
        }
        if (!(total > 0)) {
            return null;
        }
        for (int i = 0; i < rows; i++) {
            out[i] /= total;
        }
        return out;
    }
}
