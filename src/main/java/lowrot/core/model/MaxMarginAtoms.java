package lowrot.core.model;

/**
 * The atoms of a max-margin network — unit directions u_k with signed outer weights w_k — as the target of the
 * collapse measure (science.md, "Feature selection and alignment"): per neuron j, the cosine of v_j to the nearest
 * atom of the same output sign (sign a_j = sign w_k); the |a_j|‖v_j‖-weighted mean over the neurons. It is 1 when
 * every neuron that carries weight points along an atom of its sign.
 *
 * <p>Atoms of weight at most {@value #NEGLIGIBLE} (the optimal network has path norm 1) are a linear program's
 * round-off — the simplex leaves columns at 1e−11 beside the optimal ones — and are not aligned with. The sums run
 * over neurons in index order and over atoms in their order, so the value is the same bits wherever it is computed.
 */
public final class MaxMarginAtoms {
    /** Atoms with |w_k| at most this are not aligned with. */
    public static final double NEGLIGIBLE = 1e-6;

    private final int d;
    /** Directions of the kept atoms, rows of length d. */
    private final double[] directions;
    /** Their signed weights. */
    private final double[] weights;

    private MaxMarginAtoms(int d, double[] directions, double[] weights) {
        this.d = d;
        this.directions = directions;
        this.weights = weights;
    }

    /**
     * The atoms of a network g(x) = Σ_k w_k σ(u_k · x) (directions row-major, k × d), leaving out the negligible
     * ones; copies what it keeps.
     */
    public static MaxMarginAtoms of(double[] directions, double[] weights, int d) {
        if (directions.length != weights.length * d) {
            throw new IllegalArgumentException("atoms: " + directions.length + " direction entries for "
                    + weights.length + " weights in d = " + d);
        }
        int kept = 0;
        for (double w : weights) {
            if (Math.abs(w) > NEGLIGIBLE) {
                kept++;
            }
        }
        double[] u = new double[kept * d];
        double[] w = new double[kept];
        int t = 0;
        for (int k = 0; k < weights.length; k++) {
            if (Math.abs(weights[k]) > NEGLIGIBLE) {
                System.arraycopy(directions, k * d, u, t * d, d);
                w[t++] = weights[k];
            }
        }
        return new MaxMarginAtoms(d, u, w);
    }

    /** The dimension d. */
    public int dim() {
        return d;
    }

    /** Atoms kept (weight above {@value #NEGLIGIBLE}). */
    public int count() {
        return weights.length;
    }

    /** The network's alignment with these atoms. */
    public double alignment(Network net) {
        if (net.dim() != d) {
            throw new IllegalArgumentException("network dimension " + net.dim() + " differs from the atoms' " + d);
        }
        return alignment(net.aData(), net.vData(), net.width());
    }

    /**
     * The |a_j|‖v_j‖-weighted mean over the m neurons (a_j, v_j rows of length d) of the cosine of v_j to the nearest
     * atom with the sign of a_j; NaN when no neuron carries weight, or when one that does has no atom of its sign
     * (the zero network of non-separable data has none). Scaling a, or v, by a positive factor leaves it unchanged.
     */
    public double alignment(double[] a, double[] v, int m) {
        double weighted = 0;
        double total = 0;
        for (int j = 0; j < m; j++) {
            double norm2 = 0;
            for (int c = 0; c < d; c++) {
                norm2 += v[j * d + c] * v[j * d + c];
            }
            double norm = Math.sqrt(norm2);
            double w = Math.abs(a[j]) * norm;
            if (!(w > 0)) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < weights.length; k++) {
                if (Math.signum(weights[k]) != Math.signum(a[j])) {
                    continue;
                }
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += v[j * d + c] * directions[k * d + c];
                }
                best = Math.max(best, dot / norm);
            }
            if (best == Double.NEGATIVE_INFINITY) {
                return Double.NaN;
            }
            weighted += w * best;
            total += w;
        }
        return total > 0 ? weighted / total : Double.NaN;
    }
}
