package lowrot.core.margin;

import lowrot.core.model.Network;

/**
 * How far a network has collapsed onto the max-margin network (science.md, "Feature selection and alignment"): per
 * neuron j, the cosine of v_j to the nearest atom u_k of the same output sign (sign a_j = sign w_k) of the certified
 * optimal network of the global-margin program; the |a_j|‖v_j‖-weighted mean over the neurons. 1 when every neuron
 * that carries weight points along an optimal atom of its sign.
 *
 * <p>Atoms of weight below {@value #NEGLIGIBLE} (the optimal network has path norm 1) are the LP's round-off — the
 * simplex leaves columns at 1e−11 beside the optimal ones — and are not counted as targets.
 */
public final class OptimalAlignment {
    /** Atoms with |w_k| at most this are not aligned with. */
    public static final double NEGLIGIBLE = 1e-6;

    private OptimalAlignment() {}

    /**
     * The weighted mean cosine of the network's neurons to the optimal network's atoms of their sign; NaN when no
     * neuron carries weight, or when a neuron that carries weight has no atom of its sign (the zero network of
     * non-separable data has none).
     */
    public static double of(Network net, GlobalMarginResult optimal) {
        if (net.dim() != optimal.dim()) {
            throw new IllegalArgumentException(
                    "network dimension " + net.dim() + " differs from the optimal network's " + optimal.dim());
        }
        int d = net.dim();
        double[] v = net.vData();
        double weighted = 0;
        double total = 0;
        for (int j = 0; j < net.width(); j++) {
            double norm = Network.rowNorm(v, j, d);
            double w = Math.abs(net.a(j)) * norm;
            if (!(w > 0)) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < optimal.neurons(); k++) {
                if (Math.abs(optimal.weight(k)) <= NEGLIGIBLE
                        || Math.signum(optimal.weight(k)) != Math.signum(net.a(j))) {
                    continue;
                }
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += v[j * d + c] * optimal.direction(k, c);
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
