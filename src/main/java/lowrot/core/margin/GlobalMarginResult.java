package lowrot.core.margin;

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
 */
public final class GlobalMarginResult implements MarginBounds {
    private final double lower;
    private final double upper;
    private final boolean upperCertified;
    private final boolean converged;
    private final int rounds;
    private final int dictionarySize;
    private final int dim;
    private final double[] directions;
    private final double[] weights;
    private final Certificate certificate;
    private final boolean interim;

    /**
     * The proof of the upper bound: dual weights q ≥ 0 with Σ q = 1 on the points listed (rows of length d, their
     * labels ±1), and the proven maximum over unit u of |Σ_i q_i y_i σ(u · x_i)| — the upper bound itself. Any
     * network of path norm 1 has margin ≤ Σ_i q_i y_i g(x_i) ≤ that maximum.
     */
    public record Certificate(double[] points, double[] labels, double[] q, double pricingMax) {}

    GlobalMarginResult(
            double lower,
            double upper,
            boolean upperCertified,
            boolean converged,
            int rounds,
            int dictionarySize,
            int dim,
            double[] directions,
            double[] weights,
            Certificate certificate) {
        this.lower = lower;
        this.upper = upper;
        this.upperCertified = upperCertified;
        this.converged = converged;
        this.rounds = rounds;
        this.dictionarySize = dictionarySize;
        this.dim = dim;
        this.directions = directions.clone();
        this.weights = weights.clone();
        this.certificate = certificate;
        this.interim = false;
    }

    private GlobalMarginResult(GlobalMarginResult r, boolean interim) {
        this.lower = r.lower;
        this.upper = r.upper;
        this.upperCertified = r.upperCertified;
        this.converged = r.converged;
        this.rounds = r.rounds;
        this.dictionarySize = r.dictionarySize;
        this.dim = r.dim;
        this.directions = r.directions;
        this.weights = r.weights;
        this.certificate = r.certificate;
        this.interim = interim;
    }

    /** This result reported while the solver still works: its bounds are proven, the gap may still close. */
    GlobalMarginResult asInterim() {
        return new GlobalMarginResult(this, true);
    }

    /** True for a result the solver reported on its way (bounds proven, still tightening). */
    public boolean interim() {
        return interim;
    }

    /** The dual certificate of the upper bound, or null when none was proven ("lower bound only"). */
    public Certificate certificate() {
        return certificate;
    }

    /** Margin of the returned network (path norm 1): a certified lower bound. */
    @Override
    public double lower() {
        return lower;
    }

    /** Certified upper bound, or +∞ when {@link #upperCertified()} is false. */
    @Override
    public double upper() {
        return upper;
    }

    /** True when an upper bound was proven; false means "lower bound only". */
    public boolean upperCertified() {
        return upperCertified;
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

    /** True when the gap reached the requested tolerance. */
    public boolean converged() {
        return converged;
    }

    /** Rounds of row and column generation. */
    public int rounds() {
        return rounds;
    }

    /** Directions in the final dictionary of the linear program. */
    public int dictionarySize() {
        return dictionarySize;
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

    public int dim() {
        return dim;
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
