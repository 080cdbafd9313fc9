package lowrot.core.margin;

import java.util.Arrays;
import java.util.stream.IntStream;
import lowrot.core.data.Dataset;
import lowrot.core.util.Parallel;

/**
 * The maps of the NTK-margin program over one data set and M weighted directions v_r (weights p_r): q ↦ w_r(q) =
 * Σ_i q_i y_i x_i 1[v_r · x_i ≥ 0] and F(q) = Σ_r p_r ‖w_r‖, the smoothed F_μ, and the gradient g_i = y_i Σ_r p_r
 * 1[v_r · x_i ≥ 0] ⟨x_i, θ_r⟩. The activation masks are stored when n·M is small enough, else recomputed row by
 * row. Parallel loops split blocks whose every sum one thread computes in a fixed order, so no result depends on the
 * thread count.
 */
final class NtkOperator {
    private static final int BLOCK = 32;
    private static final long MASK_MEMORY_LIMIT = 1L << 24;

    final int n;
    final int d;
    final int m;
    private final double[] yx;
    private final double[] xCols;
    private final double[] dirs;
    /** The directions' weights p_r. */
    final double[] p;

    private final double[] masks;
    private final boolean storedMasks;

    NtkOperator(Dataset data, double[] dirs, double[] p) {
        this.n = data.n();
        this.d = data.d();
        this.m = p.length;
        this.dirs = dirs;
        this.p = p;
        // y_i x_i, row-major, and x column-major for loops whose inner index is the example.
        this.yx = new double[n * d];
        this.xCols = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                yx[i * d + k] = data.y(i) * data.x(i, k);
                xCols[k * n + i] = data.x(i, k);
            }
        }
        this.storedMasks = (long) n * m <= MASK_MEMORY_LIMIT;
        this.masks = storedMasks ? new double[n * m] : null;
        if (storedMasks) {
            Parallel.indices(blocks(n), b -> {
                for (int i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) {
                    maskRow(i, masks, i * m);
                }
            });
        }
    }

    /** 1[v_r · x_i ≥ 0] for every direction r, written to out[offset + r]. */
    private void maskRow(int i, double[] out, int offset) {
        for (int r = 0; r < m; r++) {
            double h = 0;
            for (int k = 0; k < d; k++) {
                h += dirs[r * d + k] * xCols[k * n + i];
            }
            out[offset + r] = h >= 0 ? 1.0 : 0.0;
        }
    }

    /**
     * Where example i's mask row starts: in the stored masks, or in {@code scratch} (filled here)
     * when the masks are too large to store. Read it from {@code storedMasks ? masks : scratch}.
     */
    private int maskOffset(int i, double[] scratch) {
        if (storedMasks) {
            return i * m;
        }
        maskRow(i, scratch, 0);
        return 0;
    }

    private static int blocks(int count) {
        return (count + BLOCK - 1) / BLOCK;
    }

    /**
     * w_r = Σ_i q_i y_i x_i 1[v_r · x_i ≥ 0], stored column-wise W[k·M + r]; returns F = Σ_r p_r ‖w_r‖.
     * Modified: w. Runs over the support of q only; parallel over blocks of directions (each w_r is
     * summed by one thread in example order, so the result does not depend on the thread count).
     */
    double values(double[] q, double[] w, double[] norms) {
        int[] supp = IntStream.range(0, n).filter(i -> q[i] != 0).toArray();
        int rBlocks = (m + 255) / 256;
        Parallel.indices(rBlocks, b -> {
            int r0 = b * 256;
            int r1 = Math.min(m, r0 + 256);
            double[] row = storedMasks ? null : new double[m];
            for (int k = 0; k < d; k++) {
                Arrays.fill(w, k * m + r0, k * m + r1, 0.0);
            }
            for (int i : supp) {
                int off = maskOffset(i, row);
                double[] mk = storedMasks ? masks : row;
                for (int k = 0; k < d; k++) {
                    double coef = q[i] * yx[i * d + k];
                    int base = k * m;
                    for (int r = r0; r < r1; r++) {
                        w[base + r] += coef * mk[off + r];
                    }
                }
            }
        });
        double f = 0;
        for (int r = 0; r < m; r++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double val = w[k * m + r];
                s += val * val;
            }
            norms[r] = Math.sqrt(s);
            f += p[r] * norms[r];
        }
        return f;
    }

    /**
     * g_i = y_i Σ_r p_r 1[v_r · x_i ≥ 0] ⟨x_i, θ_r⟩ with θ_r = w_r/‖w_r‖ (0 where w_r = 0), stored as
     * pθ column-wise. Modified: g, ptheta.
     */
    void gradient(double[] w, double[] norms, double smoothing, double[] ptheta) {
        double mu2 = smoothing * smoothing;
        for (int r = 0; r < m; r++) {
            double denominator = Math.sqrt(norms[r] * norms[r] + mu2);
            double scale = denominator > 0 ? p[r] / denominator : 0.0;
            for (int k = 0; k < d; k++) {
                ptheta[k * m + r] = w[k * m + r] * scale;
            }
        }
    }

    /** g_i = Σ_r 1[v_r · x_i ≥ 0] ⟨y_i x_i, (pθ)_r⟩. Modified: g. Parallel over blocks of examples. */
    void margins(double[] ptheta, double[] g) {
        Parallel.indices(blocks(n), b -> {
            double[] t = new double[m];
            double[] row = storedMasks ? null : new double[m];
            for (int i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) {
                Arrays.fill(t, 0.0);
                for (int k = 0; k < d; k++) {
                    double c = yx[i * d + k];
                    int base = k * m;
                    for (int r = 0; r < m; r++) {
                        t[r] += c * ptheta[base + r];
                    }
                }
                int off = maskOffset(i, row);
                double[] mk = storedMasks ? masks : row;
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += mk[off + r] * t[r];
                }
                g[i] = s;
            }
        });
    }

    /** F_μ = Σ_r p_r (√(‖w_r‖² + μ²) − μ): a smooth objective within μ of F. */
    double smoothed(double[] norms, double smoothing) {
        double sum = 0;
        for (int r = 0; r < m; r++) {
            sum += p[r] * (Math.sqrt(norms[r] * norms[r] + smoothing * smoothing) - smoothing);
        }
        return sum;
    }
}
