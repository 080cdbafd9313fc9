package lowrot.core.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/**
 * The step kernels (blocked over examples; for the plane, written out in a branching and a
 * branch-free form) give the same bits as the plain one-pair-at-a-time loops below in the documented
 * order (for d ≠ 2 each sum a chain of fused multiply-adds in index order), for every dimension, odd
 * counts and shuffled indices; for d ≠ 2 the forward pass's activity bits are 1[h > 0] and the backward
 * pass gives the same bits with them as without; and for d ≠ 2 the kernels agree with the separately
 * rounded loop to 1e−12 relative to the sum of the terms' magnitudes.
 */
class KernelTest {
    @Test
    void blockedKernelsEqualThePlainLoopsBitForBit() {
        Rng rng = new Rng(99);
        for (Engine engine : Engine.values()) {
            if (engine.available()) {
                Engine.use(engine);
                for (int m : new int[] {29, 64, 150}) {
                    compareWithPlainLoops(rng, m, engine);
                }
            }
        }
        Engine.use(Engine.VECTOR.available() ? Engine.VECTOR : Engine.SCALAR);
    }

    @Test
    void theVectorEngineRunsInTheTests() {
        // The build passes --add-modules jdk.incubator.vector, so the SIMD kernels are the ones tested above.
        assertEquals(true, Engine.VECTOR.available(), Engine.current().describe());
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    private static void compareWithPlainLoops(Rng rng, int m, Engine engine) {
        for (int d : new int[] {1, 2, 3, 7, 20}) {
            for (int count : new int[] {1, 3, 4, 5, 13, 64}) {
                int n = count + 3;
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

                boolean fused = d != 2;
                double[] pga = new double[m];
                double[] pgv = new double[m * d];
                plainBackward(x, d, idx, count, a, v, m, c, pga, pgv, fused);
                double[] rga = new double[m];
                double[] rgv = new double[m * d];
                plainBackward(x, d, idx, count, a, v, m, c, rga, rgv, false);
                double[] mga = new double[m];
                double[] mgv = new double[m * d];
                magnitudes(x, d, idx, count, a, v, m, c, mga, mgv);
                for (boolean branching : new boolean[] {false, true}) {
                    String where = engine + " d = " + d + " m = " + m + " count = " + count
                            + (branching ? " branching" : " branch-free");
                    double[] z = new double[count];
                    long[] active = new long[count * ActivityMask.words(m)];
                    Kernel.signedOutputs(x, y, d, idx, 0, count, a, v, m, s, z, branching, active);
                    if (d != 2) {
                        assertArrayEquals(plainActivity(x, d, idx, count, v, m), active, "activity bits " + where);
                    }
                    assertArrayEquals(
                            bits(plainOutputs(x, y, d, idx, count, a, v, m, s, fused)), bits(z), "outputs " + where);
                    double[] rounded = plainOutputs(x, y, d, idx, count, a, v, m, s, false);
                    double[] size = plainOutputMagnitudes(x, d, idx, count, a, v, m, s);
                    for (int t = 0; t < count; t++) {
                        assertEquals(rounded[t], z[t], 1e-12 * size[t], "outputs vs separately rounded " + where);
                    }

                    double[] ga = new double[m];
                    double[] gv = new double[m * d];
                    Kernel.backward(x, d, idx, count, a, v, 0, m, c, ga, gv, branching, null);
                    assertArrayEquals(bits(pga), bits(ga), "∂R/∂a " + where);
                    assertArrayEquals(bits(pgv), bits(gv), "∂R/∂v " + where);
                    for (int j = 0; j < m; j++) {
                        assertEquals(rga[j], ga[j], 1e-12 * mga[j], "∂R/∂a vs separately rounded " + where);
                        for (int k = 0; k < d; k++) {
                            assertEquals(
                                    rgv[j * d + k],
                                    gv[j * d + k],
                                    1e-12 * mgv[j * d + k],
                                    "∂R/∂v vs separately rounded " + where);
                        }
                    }
                    // From the forward pass's activity bits, and over a range of neurons that starts and ends
                    // off a lane and a word boundary, with them and without.
                    Kernel.backward(x, d, idx, count, a, v, 0, m, c, ga, gv, branching, active);
                    assertArrayEquals(bits(pga), bits(ga), "∂R/∂a from the activity bits " + where);
                    assertArrayEquals(bits(pgv), bits(gv), "∂R/∂v from the activity bits " + where);
                    for (long[] mask : new long[][] {null, active}) {
                        java.util.Arrays.fill(ga, 7.0);
                        java.util.Arrays.fill(gv, 7.0);
                        Kernel.backward(x, d, idx, count, a, v, 3, m - 2, c, ga, gv, branching, mask);
                        assertRange(pga, pgv, ga, gv, d, 3, m - 2, where + (mask == null ? "" : " (bits)"));
                    }
                }
            }
        }
    }

    private static void assertRange(
            double[] pga, double[] pgv, double[] ga, double[] gv, int d, int j0, int j1, String where) {
        for (int j = j0; j < j1; j++) {
            assertEquals(Double.doubleToRawLongBits(pga[j]), Double.doubleToRawLongBits(ga[j]), where + " j " + j);
            for (int k = 0; k < d; k++) {
                assertEquals(
                        Double.doubleToRawLongBits(pgv[j * d + k]),
                        Double.doubleToRawLongBits(gv[j * d + k]),
                        where + " j " + j + " k " + k);
            }
        }
    }

    /** The activity bits by their definition: bit j &amp; 63 of word j / 64 of row t is 1[h_tj > 0]. */
    private static long[] plainActivity(double[] x, int d, int[] idx, int count, double[] v, int m) {
        int words = ActivityMask.words(m);
        long[] out = new long[count * words];
        for (int t = 0; t < count; t++) {
            for (int j = 0; j < m; j++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h = Math.fma(v[j * d + k], x[idx[t] * d + k], h);
                }
                if (h > 0) {
                    out[t * words + j / 64] |= 1L << (j % 64);
                }
            }
        }
        return out;
    }

    private static double[] gaussian(Rng rng, int k) {
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }

    /** z[t] = y_i s Σ_j a_j σ(Σ_k v_jk x_ik), each sum in index order; fused: one rounding per term. */
    private static double[] plainOutputs(
            double[] x,
            double[] y,
            int d,
            int[] idx,
            int count,
            double[] a,
            double[] v,
            int m,
            double s,
            boolean fused) {
        double[] z = new double[count];
        for (int t = 0; t < count; t++) {
            int i = idx[t];
            double g = 0;
            for (int j = 0; j < m; j++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h = fused ? Math.fma(v[j * d + k], x[i * d + k], h) : h + v[j * d + k] * x[i * d + k];
                }
                if (h > 0) {
                    g = fused ? Math.fma(a[j], h, g) : g + a[j] * h;
                }
            }
            z[t] = y[i] * s * g;
        }
        return z;
    }

    /** |s| Σ_j |a_j| (|h_ij| + Σ_k |v_jk x_ik|): a scale no rounding error of a forward pass exceeds. */
    private static double[] plainOutputMagnitudes(
            double[] x, int d, int[] idx, int count, double[] a, double[] v, int m, double s) {
        double[] out = new double[count];
        for (int t = 0; t < count; t++) {
            int i = idx[t];
            double g = 0;
            for (int j = 0; j < m; j++) {
                double h = 0;
                double size = 0;
                for (int k = 0; k < d; k++) {
                    h += v[j * d + k] * x[i * d + k];
                    size += Math.abs(v[j * d + k] * x[i * d + k]);
                }
                g += Math.abs(a[j]) * (Math.abs(h) + size);
            }
            out[t] = Math.abs(s) * g + Double.MIN_NORMAL;
        }
        return out;
    }

    /**
     * The gradient one pair at a time. Fused (d ≠ 2, the documented order): G_jk = Σ_t c_t 1[h_tj > 0] x_tk
     * over the examples with c_t ≠ 0 (+0 · x when inactive), then ∂v_jk = a_j G_jk and ∂a_j = Σ_k v_jk G_jk.
     * Not fused: ∂a_j = Σ_t c_t h_tj and ∂v_jk = Σ_t (c_t a_j) x_tk over active pairs, separately rounded.
     */
    private static void plainBackward(
            double[] x,
            int d,
            int[] idx,
            int count,
            double[] a,
            double[] v,
            int m,
            double[] c,
            double[] ga,
            double[] gv,
            boolean fused) {
        for (int t = 0; t < count; t++) {
            if (c[t] == 0.0) {
                continue;
            }
            int i = idx[t];
            for (int j = 0; j < m; j++) {
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h = fused ? Math.fma(v[j * d + k], x[i * d + k], h) : h + v[j * d + k] * x[i * d + k];
                }
                if (fused) {
                    double coef = h > 0 ? c[t] : 0.0;
                    for (int k = 0; k < d; k++) {
                        gv[j * d + k] = Math.fma(coef, x[i * d + k], gv[j * d + k]);
                    }
                } else if (h > 0) {
                    ga[j] = ga[j] + c[t] * h;
                    double coef = c[t] * a[j];
                    for (int k = 0; k < d; k++) {
                        gv[j * d + k] = gv[j * d + k] + coef * x[i * d + k];
                    }
                }
            }
        }
        if (fused) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum = Math.fma(v[j * d + k], gv[j * d + k], sum);
                    gv[j * d + k] = a[j] * gv[j * d + k];
                }
                ga[j] = sum;
            }
        }
    }

    /** Σ_t |c_t| |h_ij| (1 + Σ_k |v_jk x_ik| / |h_ij|) and Σ_t |c_t a_j x_ik| over active pairs, plus a floor. */
    private static void magnitudes(
            double[] x,
            int d,
            int[] idx,
            int count,
            double[] a,
            double[] v,
            int m,
            double[] c,
            double[] ga,
            double[] gv) {
        for (int t = 0; t < count; t++) {
            int i = idx[t];
            for (int j = 0; j < m; j++) {
                double size = 0;
                for (int k = 0; k < d; k++) {
                    size += Math.abs(v[j * d + k] * x[i * d + k]);
                }
                ga[j] += Math.abs(c[t]) * 2 * size;
                for (int k = 0; k < d; k++) {
                    gv[j * d + k] += Math.abs(c[t] * a[j] * x[i * d + k]);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            ga[j] += Double.MIN_NORMAL;
            for (int k = 0; k < d; k++) {
                gv[j * d + k] += Double.MIN_NORMAL;
            }
        }
    }

    @Test
    void activeIsOneExactlyForPositiveInputs() {
        double[] h = {
            0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (double value : h) {
            assertEquals(value > 0 ? 1.0 : 0.0, Kernel.active(value), "h = " + value);
        }
    }
}
