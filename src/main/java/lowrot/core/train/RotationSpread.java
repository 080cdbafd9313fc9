package lowrot.core.train;

/**
 * How the rotation ∠(v_j(t), v_j(0)) is spread over the neurons at one snapshot: a histogram over [0, top) in
 * {@link #BINS} equal bins, as the share of neurons in each bin and as the share of the weight |a_j|‖v_j‖ in
 * each bin. The rotation chart's mean, median and maximum summarise this distribution; the histogram shows its
 * shape — near initialization every neuron sits in the first bin, under neural collapse some neurons turn far
 * while others barely move. Neurons are counted as the rotation metrics count them: a neuron with no direction
 * (v_j = 0 or v_j(0) = 0; in the no-rotation regime b_j = 0) is left out, and in the no-rotation regime the angle
 * is that of the line through v_j, which is 0. Sums run over j = 0, …, m − 1 in index order.
 *
 * @param top         the upper end of the range, in degrees: the first of 0.001, 0.002, 0.005, 0.01, …, 50, 100, 180 above
 *                    the largest rotation
 * @param neuronShare per bin, the fraction of counted neurons whose rotation falls in it (sums to 1)
 * @param weightShare per bin, the fraction of the counted neurons' |a_j|‖v_j‖ in it (sums to 1; NaN when that
 *                    weight is 0)
 * @param counted     neurons counted
 */
public record RotationSpread(double top, double[] neuronShare, double[] weightShare, int counted) {
    /** Bins of the histogram. */
    public static final int BINS = 20;

    public RotationSpread {
        neuronShare = neuronShare.clone();
        weightShare = weightShare.clone();
    }

    /** Width of a bin, in degrees. */
    public double binWidth() {
        return top / BINS;
    }

    /** The fraction of counted neurons in bin i (a copy-free read). */
    public double neurons(int i) {
        return neuronShare[i];
    }

    /** The fraction of the counted weight |a_j|‖v_j‖ in bin i. */
    public double weight(int i) {
        return weightShare[i];
    }

    /** The spread of the snapshot's rotations. */
    public static RotationSpread of(Snapshot s) {
        int m = s.width();
        int d = s.dim();
        double[] degrees = new double[m];
        double[] weights = new double[m];
        boolean[] counted = new boolean[m];
        double largest = 0;
        int n = 0;
        for (int j = 0; j < m; j++) {
            double norm = s.innerNorm(j);
            // In the no-rotation parametrisation v_j = b_j u_j, so a zero norm is b_j = 0 there too.
            if (norm == 0 || initialNormZero(s, j, d)) {
                continue;
            }
            double angle = s.frozenDirections() ? 0.0 : Math.toDegrees(s.rotation(j));
            degrees[j] = angle;
            weights[j] = Math.abs(s.a(j)) * norm;
            counted[j] = true;
            largest = Math.max(largest, angle);
            n++;
        }
        double top = top(largest);
        double[] neuronShare = new double[BINS];
        double[] weightShare = new double[BINS];
        double total = 0;
        for (int j = 0; j < m; j++) {
            if (counted[j]) {
                int bin = bin(degrees[j], top);
                neuronShare[bin] += 1;
                weightShare[bin] += weights[j];
                total += weights[j];
            }
        }
        for (int i = 0; i < BINS; i++) {
            neuronShare[i] = n == 0 ? Double.NaN : neuronShare[i] / n;
            weightShare[i] = total > 0 ? weightShare[i] / total : Double.NaN;
        }
        return new RotationSpread(top, neuronShare, weightShare, n);
    }

    /** The bin of an angle in [0, top]: the top itself (only 180°) falls in the last bin. */
    static int bin(double degrees, double top) {
        return Math.min(BINS - 1, (int) Math.floor(degrees / top * BINS));
    }

    /** The range's upper end: the first of 0.001, 0.002, 0.005, 0.01, …, 50, 100, 180 strictly above the largest angle. */
    static double top(double largest) {
        for (double t : TOPS) {
            if (largest < t) {
                return t;
            }
        }
        return 180;
    }

    private static final double[] TOPS = {
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 180
    };

    private static boolean initialNormZero(Snapshot s, int j, int d) {
        for (int k = 0; k < d; k++) {
            if (s.initialV(j, k) != 0) {
                return false;
            }
        }
        return true;
    }
}
