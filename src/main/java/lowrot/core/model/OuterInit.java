package lowrot.core.model;

/** Distribution of the initial outer weights a_j (before the init scale α). */
public enum OuterInit {
    /** a_j = ±1 with equal probability (default). */
    SIGNS("±1"),
    /** a_j ~ N(0, 1). */
    GAUSSIAN("N(0, 1)");

    private final String label;

    OuterInit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
