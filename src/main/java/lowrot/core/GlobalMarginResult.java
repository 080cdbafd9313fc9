package lowrot.core;

/**
 * The global margin (or the no-rotation limit of a set of directions) with its certificate and
 * the network that attains the lower bound.
 *
 * <p>{@code lower} is min_i y_i g(x_i) of {@link #network()}, whose path norm is 1: a certified
 * lower bound. {@code upper} is max_u |Σ_i q_i y_i σ(u · x_i)| for the dual weights q, maximised
 * exactly when {@link #upperExact()} (d = 2 over the whole circle, or a finite dictionary), and
 * otherwise the best value a multi-start search found ("best found": not a certificate).
 */
public final class GlobalMarginResult {
    private final double lower;
    private final double upper;
    private final boolean upperExact;
    private final boolean converged;
    private final int rounds;
    private final int dictionarySize;
    private final int dim;
    private final double[] directions;
    private final double[] weights;

    GlobalMarginResult(double lower, double upper, boolean upperExact, boolean converged, int rounds,
            int dictionarySize, int dim, double[] directions, double[] weights) {
        this.lower = lower;
        this.upper = upper;
        this.upperExact = upperExact;
        this.converged = converged;
        this.rounds = rounds;
        this.dictionarySize = dictionarySize;
        this.dim = dim;
        this.directions = directions.clone();
        this.weights = weights.clone();
    }

    /** Margin of the returned network (path norm 1): a certified lower bound. */
    public double lower() {
        return lower;
    }

    /** Dual upper bound (certified only when {@link #upperExact()}). */
    public double upper() {
        return upper;
    }

    public double gap() {
        return upper - lower;
    }

    /** True when the upper bound is a certificate, not just the best value found by search. */
    public boolean upperExact() {
        return upperExact;
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
        return String.format("γ ∈ [%.6g, %.6g]%s (%d neurons, dictionary %d, %d rounds)", lower, upper,
                upperExact ? "" : " (upper: best found)", weights.length, dictionarySize, rounds);
    }
}
