package lowrot.core.margin;

/**
 * min over q on the simplex of √(qᵀ G q) for a Gram matrix G_ij = y_i y_j K(x_i, x_j), with bounds: by
 * minimax it is the best ℓ₂-normalized margin max_{‖θ‖ ≤ 1} min_i y_i ⟨φ(x_i), θ⟩ of a linear predictor on the
 * kernel's features φ.
 *
 * @param lower      a proven lower bound: √(f(q) − g(q)) at the best iterate, g the Frank–Wolfe gap (convexity)
 * @param upper      √f(q) at the best iterate q found: an upper bound
 * @param iterations accelerated projected-gradient iterations taken
 */
public record KernelMarginResult(double lower, double upper, int iterations) implements MarginBounds {}
