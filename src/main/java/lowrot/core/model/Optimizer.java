package lowrot.core.model;

/** How the gradient-flow trajectory is followed. */
public enum Optimizer {
    /** Full-batch gradient descent W ← W − η∇R(W); GF time τ advances by η. */
    GRADIENT_FLOW("gradient flow"),
    /** Full-batch steps of size η/R(W): the same flow, larger steps late; τ advances by η/R(W). */
    NORMALIZED_GRADIENT_FLOW("loss-normalised gradient flow"),
    /** Mini-batches of b examples drawn without replacement; τ advances by η. */
    SGD("SGD");

    private final String label;

    Optimizer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
