package lowrot.core.train;

/**
 * Every scalar lowrot reports about a network at one moment. Angles are in radians. A value that
 * does not apply (feature share off parity data, group alignment off neural-collapse data, test
 * error without a test set) is NaN; {@link #applies(double)} says which.
 *
 * @param step                 steps taken
 * @param time                 gradient-flow time τ
 * @param logTime              ln τ (finite where τ overflows; −∞ at τ = 0)
 * @param risk                 R(W) on the training set
 * @param logRisk              ln R(W), finite where R underflows
 * @param trainError           fraction of training points with y_i f(x_i) ≤ 0
 * @param testError            the same on the test set
 * @param minMargin            min_i y_i f(x_i; W), the unnormalised margin
 * @param worstIndex           the training point attaining it
 * @param marginFrobenius      γ_F: min_i y_i g(x_i) / ‖W‖² (both layers train) or / ‖V‖ (outer layer frozen)
 * @param marginPath           γ_P: min_i y_i g(x_i) / Σ_j |a_j| ‖v_j‖
 * @param weightNorm           ‖W‖ = (Σ_j a_j² + ‖v_j‖²)^{1/2}
 * @param pathNorm             Σ_j |a_j| ‖v_j‖
 * @param rotationMean         mean over neurons of ∠(v_j(t), v_j(0)), leaving out zero neurons (no direction);
 *                             in the no-rotation regime the angle of the line through v_j, which stays 0 while
 *                             b_j may change sign (those are counted in flippedNorms); NaN when every neuron is zero
 * @param rotationMedian       median of the same angles
 * @param rotationMax          largest of the same angles
 * @param rotationWeighted     their mean weighted by |a_j| ‖v_j‖
 * @param motion               ‖W − W₀‖
 * @param motionPerSqrtM       ‖W − W₀‖ / √m
 * @param patternsChanged      fraction of training pairs (i, j) whose 1[v_j · x_i ≥ 0] differs from initialization
 * @param featureShare         parity: |a_j| ‖v_j‖-weighted mean share of ‖v_j‖² on coordinates 1 and 2
 * @param groupAlignment       neural collapse: |a_j| ‖v_j‖-weighted mean cosine of v_j to its nearest centre
 * @param marginDisplacement   tangent margin of the displacement, min_i y_i ⟨∇f(x_i; W₀), W − W₀⟩ / ‖W − W₀‖:
 *                             the linearized network's margin in parameter-ℓ₂ (kernel) units, with the output
 *                             scale; NaN while W = W₀
 * @param zeroNeurons          fraction of neurons with v_j(t) = 0 or v_j(0) = 0: no direction, so no angle
 * @param flippedNorms         no-rotation regime: fraction of neurons whose norm b_j has the opposite sign of
 *                             b_j(0) (v_j points the other way along its fixed line); NaN in the other regimes
 */
public record Metrics(
        long step,
        double time,
        double logTime,
        double risk,
        double logRisk,
        double trainError,
        double testError,
        double minMargin,
        int worstIndex,
        double marginFrobenius,
        double marginPath,
        double weightNorm,
        double pathNorm,
        double rotationMean,
        double rotationMedian,
        double rotationMax,
        double rotationWeighted,
        double motion,
        double motionPerSqrtM,
        double patternsChanged,
        double featureShare,
        double groupAlignment,
        double marginDisplacement,
        double zeroNeurons,
        double flippedNorms) {

    /** True when a metric value applies to this run (not NaN). */
    public static boolean applies(double value) {
        return !Double.isNaN(value);
    }
}
