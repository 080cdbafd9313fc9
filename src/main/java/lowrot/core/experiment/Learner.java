package lowrot.core.experiment;

import lowrot.core.margin.GlobalMarginSolver;

/**
 * The four learners of the sample-complexity experiment on 2-sparse parity, from the most kernel-like to the
 * most feature-learning. Each is fully specified by {@link ComplexitySettings}; none is told which
 * coordinates carry the label.
 */
public enum Learner {
    /** Hard-margin classifier of the infinite-width tangent kernel, in closed form ({@link KernelPredictor}). */
    KERNEL("NTK kernel predictor"),
    /** Gradient flow from a standard initialization at a large width, to a fixed GF time. */
    NEAR_INITIALIZATION("GF near initialization"),
    /** The primal network of the global-margin program on the training set ({@link GlobalMarginSolver}). */
    MAX_MARGIN("max-margin network"),
    /** Gradient flow from a small initialization, both layers trained, for a long log-time. */
    RICH("GF rich regime");

    private final String label;

    Learner(String label) {
        this.label = label;
    }

    /** The name used in figures and reports. */
    public String label() {
        return label;
    }

    /** The sample-complexity rate the paper predicts: 2 for the kernel learners (n ≈ d²), 1 for the others. */
    public int predictedExponent() {
        return this == KERNEL || this == NEAR_INITIALIZATION ? 2 : 1;
    }
}
