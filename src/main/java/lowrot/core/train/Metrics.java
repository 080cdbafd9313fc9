package lowrot.core.train;

/**
 * Every scalar lowrot reports about a network at one moment. Angles are in radians. A value that
 * does not apply (feature share off parity data, centre alignment off neural-collapse data, test
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
 * @param centreAlignment      neural collapse: |a_j| ‖v_j‖-weighted mean cosine of v_j to its nearest group centre
 * @param optimalAlignment     neural collapse: the same mean of the cosine of v_j to the nearest atom of its output
 *                             sign of the certified max-margin network of the training set
 *                             ({@link lowrot.core.model.MaxMarginAtoms}); NaN when the run was not given that network
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
        double centreAlignment,
        double optimalAlignment,
        double marginDisplacement,
        double zeroNeurons,
        double flippedNorms) {

    /** True when a metric value applies to this run (not NaN). */
    public static boolean applies(double value) {
        return !Double.isNaN(value);
    }

    /** A builder that names every value: the metrics pass sets them one by one instead of by position. */
    public static Builder builder() {
        return new Builder();
    }

    /** Metrics by name; a value never set is NaN (0 for the step, −1 for the worst index). */
    public static final class Builder {
        private long step = 0;
        private double time = Double.NaN;
        private double logTime = Double.NaN;
        private double risk = Double.NaN;
        private double logRisk = Double.NaN;
        private double trainError = Double.NaN;
        private double testError = Double.NaN;
        private double minMargin = Double.NaN;
        private int worstIndex = -1;
        private double marginFrobenius = Double.NaN;
        private double marginPath = Double.NaN;
        private double weightNorm = Double.NaN;
        private double pathNorm = Double.NaN;
        private double rotationMean = Double.NaN;
        private double rotationMedian = Double.NaN;
        private double rotationMax = Double.NaN;
        private double rotationWeighted = Double.NaN;
        private double motion = Double.NaN;
        private double motionPerSqrtM = Double.NaN;
        private double patternsChanged = Double.NaN;
        private double featureShare = Double.NaN;
        private double centreAlignment = Double.NaN;
        private double optimalAlignment = Double.NaN;
        private double marginDisplacement = Double.NaN;
        private double zeroNeurons = Double.NaN;
        private double flippedNorms = Double.NaN;

        public Builder step(long value) {
            step = value;
            return this;
        }

        public Builder time(double value) {
            time = value;
            return this;
        }

        public Builder logTime(double value) {
            logTime = value;
            return this;
        }

        public Builder risk(double value) {
            risk = value;
            return this;
        }

        public Builder logRisk(double value) {
            logRisk = value;
            return this;
        }

        public Builder trainError(double value) {
            trainError = value;
            return this;
        }

        public Builder testError(double value) {
            testError = value;
            return this;
        }

        public Builder minMargin(double value) {
            minMargin = value;
            return this;
        }

        public Builder worstIndex(int value) {
            worstIndex = value;
            return this;
        }

        public Builder marginFrobenius(double value) {
            marginFrobenius = value;
            return this;
        }

        public Builder marginPath(double value) {
            marginPath = value;
            return this;
        }

        public Builder weightNorm(double value) {
            weightNorm = value;
            return this;
        }

        public Builder pathNorm(double value) {
            pathNorm = value;
            return this;
        }

        public Builder rotationMean(double value) {
            rotationMean = value;
            return this;
        }

        public Builder rotationMedian(double value) {
            rotationMedian = value;
            return this;
        }

        public Builder rotationMax(double value) {
            rotationMax = value;
            return this;
        }

        public Builder rotationWeighted(double value) {
            rotationWeighted = value;
            return this;
        }

        public Builder motion(double value) {
            motion = value;
            return this;
        }

        public Builder motionPerSqrtM(double value) {
            motionPerSqrtM = value;
            return this;
        }

        public Builder patternsChanged(double value) {
            patternsChanged = value;
            return this;
        }

        public Builder featureShare(double value) {
            featureShare = value;
            return this;
        }

        public Builder centreAlignment(double value) {
            centreAlignment = value;
            return this;
        }

        public Builder optimalAlignment(double value) {
            optimalAlignment = value;
            return this;
        }

        public Builder marginDisplacement(double value) {
            marginDisplacement = value;
            return this;
        }

        public Builder zeroNeurons(double value) {
            zeroNeurons = value;
            return this;
        }

        public Builder flippedNorms(double value) {
            flippedNorms = value;
            return this;
        }

        /** The metrics with the values set. */
        public Metrics build() {
            return new Metrics(
                    step,
                    time,
                    logTime,
                    risk,
                    logRisk,
                    trainError,
                    testError,
                    minMargin,
                    worstIndex,
                    marginFrobenius,
                    marginPath,
                    weightNorm,
                    pathNorm,
                    rotationMean,
                    rotationMedian,
                    rotationMax,
                    rotationWeighted,
                    motion,
                    motionPerSqrtM,
                    patternsChanged,
                    featureShare,
                    centreAlignment,
                    optimalAlignment,
                    marginDisplacement,
                    zeroNeurons,
                    flippedNorms);
        }
    }
}
