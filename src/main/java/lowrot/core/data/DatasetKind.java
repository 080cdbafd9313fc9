package lowrot.core.data;

/** The families of data sets lowrot generates (and explicit points given by the user). */
public enum DatasetKind {
    /** 2-sparse parity: x uniform on {±1/√d}^d, y = sign(x₁x₂). */
    PARITY("2-sparse parity", false),
    /** r well-separated groups around centres μ_k, a label per group. */
    NEURAL_COLLAPSE("neural-collapse groups", false),
    /** Continuous XOR in the plane: y = sign(x₁x₂), optional angular gap around the axes. */
    QUADRANTS("quadrants (continuous XOR)", true),
    /** k sectors of equal angle with alternating labels. */
    SECTORS("alternating sectors", true),
    /** y = sign(⟨w, x⟩) for a unit normal w, points at least the margin away from the boundary. */
    HALF_PLANE("half-plane", true),
    /** Directions uniform on the circle, labels ±1 at random (memorisation). */
    RANDOM_LABELS("random labels", true),
    /** Two concentric rings with opposite labels: learnable only with the bias coordinate. */
    RINGS("concentric rings", true),
    /** Points given explicitly (clicked in the view or imported). */
    POINTS("explicit points", false);

    private final String label;
    private final boolean planar;

    DatasetKind(String label, boolean planar) {
        this.label = label;
        this.planar = planar;
    }

    /** Human-readable name. */
    public String label() {
        return label;
    }

    /** True when the generator draws points in the plane (d = 2 before any bias coordinate). */
    public boolean planar() {
        return planar;
    }
}
