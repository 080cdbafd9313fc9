package lowrot.core.margin;

import lowrot.core.model.MaxMarginAtoms;
import lowrot.core.model.Network;

/**
 * The global margin (or the no-rotation limit of a set of directions) with its certificate and
 * the network that attains the lower bound.
 *
 * <p>{@code lower} is min_i y_i g(x_i) of {@link #network()}, whose path norm is 1 (or the zero network, whose margin
 * is 0: γ_gl ≥ 0 always): a certified lower bound. {@code upper} is a proven bound on max_u |Σ_i q_i y_i σ(u · x_i)| for dual weights q on
 * the simplex, hence on γ_gl: exact over the circle for d = 2 and over a finite dictionary, a branch and
 * bound's sound bound for d &gt; 2. When no certificate was reached within the round cap,
 * {@link #upperCertified()} is false, {@code upper} is +∞ and the result is "lower bound only".
 *
 * @param lower          the optimal network's margin: a certified lower bound
 * @param upper          a proven upper bound, or +∞
 * @param upperCertified whether an upper bound was proven
 * @param converged      whether the gap reached the requested tolerance
 * @param rounds         rounds of row and column generation
 * @param dictionarySize directions in the final dictionary of the linear program
 * @param dim            the dimension d
 * @param directions     the optimal network's unit directions, rows of length d (a copy is kept; do not modify)
 * @param weights        their signed outer weights, Σ|w_k| = 1 (a copy is kept; do not modify)
 * @param certificate    the dual certificate of the upper bound, or null when none was proven
 * @param interim        true for a result the solver reported on its way (bounds proven, still tightening)
 */
public record GlobalMarginResult(
        double lower,
        double upper,
        boolean upperCertified,
        boolean converged,
        int rounds,
        int dictionarySize,
        int dim,
        double[] directions,
        double[] weights,
        Certificate certificate,
        boolean interim)
        implements MarginBounds {
    /**
     * The proof of the upper bound: dual weights q ≥ 0 with Σ q = 1 on the points listed (rows of length d, their
     * labels ±1), and the proven maximum over unit u of |Σ_i q_i y_i σ(u · x_i)| — the upper bound itself. Any
     * network of path norm 1 has margin ≤ Σ_i q_i y_i g(x_i) ≤ that maximum.
     */
    public record Certificate(double[] points, double[] labels, double[] q, double pricingMax) {}

    /** Keeps copies of the network's arrays. */
    public GlobalMarginResult {
        directions = directions.clone();
        weights = weights.clone();
    }

    /**
     * The upper bound's status in words: "certified" (gap closed to the tolerance), "certified, gap open"
     * (proven but looser than asked: a round or node cap was reached) or "lower bound only".
     */
    public String upperStatus() {
        if (notSeparable()) {
            return "not separable, γ_gl = 0";
        }
        if (interim) {
            return upperCertified ? "certified, tightening" : "lower bound so far";
        }
        return !upperCertified ? "lower bound only" : converged ? "certified" : "certified, gap open";
    }

    /**
     * True when γ_gl = 0 is proven: the zero network attains the lower bound 0 and the certified upper bound is at
     * most the solver's absolute floor, 1e−12 (no network of path norm 1 separates the data by more).
     */
    public boolean notSeparable() {
        return upperCertified && lower == 0 && upper <= 1e-12;
    }

    /** Neurons of the optimal network (directions with non-zero weight). */
    public int neurons() {
        return weights.length;
    }

    /** Unit direction of neuron j, coordinate k. */
    public double direction(int j, int k) {
        return directions[j * dim + k];
    }

    /** Signed outer weight of neuron j; Σ_j |weight_j| = 1. */
    public double weight(int j) {
        return weights[j];
    }

    /** The optimal network's atoms, the target of the collapse measure ({@link MaxMarginAtoms#alignment}). */
    public MaxMarginAtoms atoms() {
        return MaxMarginAtoms.of(directions, weights, dim);
    }

    /** The optimal network: g(x) = Σ_j w_j σ(u_j · x) with unit u_j, output scale 1, path norm 1. */
    public Network network() {
        if (weights.length == 0) {
            return Network.of(new double[] {0.0}, new double[dim], dim, 1.0);
        }
        return Network.of(weights, directions, dim, 1.0);
    }

    @Override
    public String toString() {
        return String.format(
                "γ ∈ [%.6g, %.6g], %s (%d neurons, dictionary %d, %d rounds)",
                lower, upper, upperStatus(), weights.length, dictionarySize, rounds);
    }
}
