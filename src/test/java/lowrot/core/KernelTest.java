package lowrot.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The step kernels (blocked over examples; for the plane, written out in a branching and a
 * branch-free form) give the same bits as the plain one-pair-at-a-time loops below, for every
 * dimension, odd counts and shuffled indices.
 */
class KernelTest {
    @Test
    void blockedKernelsEqualThePlainLoopsBitForBit() {
        Rng rng = new Rng(99);
        for (int d : new int[] {1, 2, 3, 7, 20}) {
            for (int count : new int[] {1, 3, 4, 5, 13, 64}) {
                int n = count + 3;
                int m = 29;
                double[] x = gaussian(rng, n * d);
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = rng.nextSign();
                }
                int[] idx = new int[count];
                for (int t = 0; t < count; t++) {
                    idx[t] = (int) Math.floor(rng.nextDouble() * n);
                }
                double[] a = gaussian(rng, m);
                double[] v = gaussian(rng, m * d);
                double[] c = gaussian(rng, count);
                c[count / 2] = 0.0; // an example with no weight is skipped
                double s = 1 / Math.sqrt(m);

                double[] pga = new double[m];
                double[] pgv = new double[m * d];
                plainBackward(x, d, idx, count, a, v, m, c, pga, pgv);
                for (boolean branching : new boolean[] {false, true}) {
                    String where = "d = " + d + " count = " + count + (branching ? " branching" : " branch-free");
                    double[] z = new double[count];
                    Kernel.signedOutputs(x, y, d, idx, 0, count, a, v, m, s, z, branching);
                    assertArrayEquals(plainOutputs(x, y, d, idx, count, a, v, m, s), z, 0.0, "outputs " + where);

                    double[] ga = new double[m];
                    double[] gv = new double[m * d];
                    Kernel.backward(x, d, idx, count, a, v, 0, m, c, ga, gv, branching);
                    assertArrayEquals(pga, ga, 0.0, "∂R/∂a " + where);
                    assertArrayEquals(pgv, gv, 0.0, "∂R/∂v " + where);
                }
            }
        }
    }

    private static double[] gaussian(Rng rng, int k) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }

    private static double[] plainOutputs(double[] x, double[] y, int d, int[] idx, int count, double[] a, double[] v,
            int m, double s) {
        double[] z = new double[count];
        for (int t = 0; t < count; t++) {
            int i = idx[t];
            double g = 0;
            for (int j = 0; j < m; j++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += v[j * d + k] * x[i * d + k];
                }
                if (h > 0) {
                    g += a[j] * h;
                }
            }
            z[t] = y[i] * s * g;
        }
        return z;
    }

    private static void plainBackward(double[] x, int d, int[] idx, int count, double[] a, double[] v, int m,
            double[] c, double[] ga, double[] gv) {
        for (int t = 0; t < count; t++) {
            if (c[t] == 0.0) {
                continue;
            }
            int i = idx[t];
            for (int j = 0; j < m; j++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h += v[j * d + k] * x[i * d + k];
                }
                if (h > 0) {
                    ga[j] += c[t] * h;
                    for (int k = 0; k < d; k++) {
                        gv[j * d + k] += c[t] * a[j] * x[i * d + k];
                    }
                }
            }
        }
    }

    @Test
    void activeIsOneExactlyForPositiveInputs() {
        double[] h = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double value : h) {
            assertEquals(value > 0 ? 1.0 : 0.0, Kernel.active(value), "h = " + value);
        }
    }
}
