package lowrot.core.margin;

/**
 * The NTK margin (or the tangent-kernel margin of a network) with its certificate.
 *
 * <p>{@code lower} is the margin attained by the primal θ (one unit vector per direction, kept in
 * {@link #theta()}); {@code upper} is the dual value of the example weights q. The true value of the
 * finite-direction problem lies between them. For the sampled NTK margin, {@code standardError} is
 * the Monte-Carlo standard error of the estimate due to using M directions instead of the
 * expectation; it is NaN for the tangent-kernel margin of a network, which has no sampling.
 */
public final class NtkMarginResult implements MarginBounds {
    private final double lower;
    private final double upper;
    private final int iterations;
    private final boolean converged;
    private final int directions;
    private final int dim;
    private final double standardError;
    private final int[] support;
    private final double[] supportWeights;
    private final double[] theta;
    private final boolean interim;

    NtkMarginResult(
            double lower,
            double upper,
            int iterations,
            boolean converged,
            int directions,
            int dim,
            double standardError,
            int[] support,
            double[] supportWeights,
            double[] theta,
            boolean interim) {
        this.lower = lower;
        this.upper = upper;
        this.iterations = iterations;
        this.converged = converged;
        this.directions = directions;
        this.dim = dim;
        this.standardError = standardError;
        this.support = support.clone();
        this.supportWeights = supportWeights.clone();
        this.theta = theta.clone();
        this.interim = interim;
    }

    /** True for a result the solver reported on its way (bounds certified, still tightening). */
    public boolean interim() {
        return interim;
    }

    /** Margin of the primal θ: a certified lower bound. */
    @Override
    public double lower() {
        return lower;
    }

    /** Dual value of q: a certified upper bound. */
    @Override
    public double upper() {
        return upper;
    }

    /** True when the gap reached the requested tolerance. */
    public boolean converged() {
        return converged;
    }

    /** M, the number of directions averaged over. */
    public int directions() {
        return directions;
    }

    /** Monte-Carlo standard error due to M (NaN for a network's own directions). */
    public double standardError() {
        return standardError;
    }

    /** Indices of the training examples carrying weight in q, heaviest first. */
    public int[] support() {
        return support.clone();
    }

    /** Their weights q_i (same order as {@link #support()}). */
    public double[] supportWeights() {
        return supportWeights.clone();
    }

    /** The primal θ, row-major M × d, each row of norm at most 1. */
    public double[] theta() {
        return theta.clone();
    }

    /** Input dimension d (row length of θ). */
    public int dim() {
        return dim;
    }

    @Override
    public String toString() {
        return String.format(
                "γ_ntk ∈ [%.6g, %.6g] (gap %.2g, M = %d, %d iterations)", lower, upper, gap(), directions, iterations);
    }
}
