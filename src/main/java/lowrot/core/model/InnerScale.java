package lowrot.core.model;

/** Standard deviation σ_v of the initial inner weights v_j ~ N(0, σ_v² I_d) (before α). */
public enum InnerScale {
    /** σ_v = 1 (default). */
    ONE("1"),
    /** σ_v = 1/√d, so that ‖v_j‖ ≈ 1. */
    INV_SQRT_D("1/√d");

    private final String label;

    InnerScale(String label) {
        this.label = label;
    }

    /** σ_v for input dimension d. */
    public double value(int d) {
        return this == ONE ? 1.0 : 1.0 / Math.sqrt(d);
    }

    public String label() {
        return label;
    }
}
