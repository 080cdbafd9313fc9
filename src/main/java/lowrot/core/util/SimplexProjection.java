package lowrot.core.util;

import java.util.Arrays;

/** Euclidean projection onto the probability simplex {q ≥ 0, Σ q = 1}. */
public final class SimplexProjection {
    private SimplexProjection() {}

    /**
     * Writes into {@code out} the projection of {@code z} (Held–Wolfe–Crowder / Duchi et al.: sort,
     * find the threshold, clip). Modified: out, work (scratch of the same length).
     */
    public static void project(double[] z, double[] out, double[] work) {
        int n = z.length;
        System.arraycopy(z, 0, work, 0, n);
        Arrays.sort(work);
        double cumulative = 0;
        double threshold = 0;
        for (int k = n - 1; k >= 0; k--) {
            cumulative += work[k];
            double candidate = (cumulative - 1) / (n - k);
            if (k == 0 || work[k - 1] <= candidate) {
                threshold = candidate;
                break;
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(0, z[i] - threshold);
            sum += out[i];
        }
        // Rescale away the rounding left by the subtraction, so that Σ q = 1 to the last bit or two.
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
    }
}
