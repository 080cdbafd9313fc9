package lowrot.core.model;

/** The output scale s in f(x; W) = s · Σ_j a_j σ(v_j · x). */
public enum OutputScale {
    /** s = 1/√m: standard (NTK) scaling, the default. */
    INV_SQRT_M("1/√m (standard)"),
    /** s = 1. */
    ONE("1"),
    /** s = 1/m: mean-field scaling. */
    INV_M("1/m (mean-field)");

    private final String label;

    OutputScale(String label) {
        this.label = label;
    }

    /** The value of s for width m. */
    public double value(int m) {
        return switch (this) {
            case INV_SQRT_M -> 1.0 / Math.sqrt(m);
            case ONE -> 1.0;
            case INV_M -> 1.0 / m;
        };
    }

    public String label() {
        return label;
    }
}
