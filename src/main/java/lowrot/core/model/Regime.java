package lowrot.core.model;

/**
 * The three low-rotation regimes. Near initialization and neural collapse train every inner
 * weight freely (they differ in the data and the picture); no rotation freezes each direction
 * u_j = v_j(0)/‖v_j(0)‖ and trains only the norms b_j in v_j = b_j·u_j.
 */
public enum Regime {
    NEAR_INITIALIZATION("near initialization"),
    NEURAL_COLLAPSE("neural collapse"),
    NO_ROTATION("no rotation");

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    /** True when inner directions are frozen at initialization. */
    public boolean frozenDirections() {
        return this == NO_ROTATION;
    }

    public String label() {
        return label;
    }
}
