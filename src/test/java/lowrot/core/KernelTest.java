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
        for (Engine engine : Engine.values()) {
            if (engine.available()) {
                Engine.use(engine);
                for (int m : new int[] {29, 64}) {
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

                double[] pga = new double[m];
                double[] pgv = new double[m * d];
                plainBackward(x, d, idx, count, a, v, m, c, pga, pgv);
                for (boolean branching : new boolean[] {false, true}) {
                    String where = engine + " d = " + d + " m = " + m + " count = " + count
                            + (branching ? " branching" : " branch-free");
                    double[] z = new double[count];
                    Kernel.signedOutputs(x, y, d, idx, 0, count, a, v, m, s, z, branching);
                    assertArrayEquals(bits(plainOutputs(x, y, d, idx, count, a, v, m, s)), bits(z), "outputs " + where);

                    double[] ga = new double[m];
                    double[] gv = new double[m * d];
                    Kernel.backward(x, d, idx, count, a, v, 0, m, c, ga, gv, branching);
                    assertArrayEquals(bits(pga), bits(ga), "∂R/∂a " + where);
                    assertArrayEquals(bits(pgv), bits(gv), "∂R/∂v " + where);
                    // A range of neurons that starts and ends off a lane boundary.
                    java.util.Arrays.fill(ga, 7.0);
                    java.util.Arrays.fill(gv, 7.0);
                    Kernel.backward(x, d, idx, count, a, v, 3, m - 2, c, ga, gv, branching);
                    for (int j = 3; j < m - 2; j++) {
                        assertEquals(
                                Double.doubleToRawLongBits(pga[j]),
                                Double.doubleToRawLongBits(ga[j]),
                                where + " j " + j);
                        for (int k = 0; k < d; k++) {
                            assertEquals(
                                    Double.doubleToRawLongBits(pgv[j * d + k]),
                                    Double.doubleToRawLongBits(gv[j * d + k]),
                                    where + " j " + j + " k " + k);
                        }
                    }
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

    private static double[] plainOutputs(
            double[] x, double[] y, int d, int[] idx, int count, double[] a, double[] v, int m, double s) {
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
            double[] gv) {
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
        double[] h = {
            0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (double value : h) {
            assertEquals(value > 0 ? 1.0 : 0.0, Kernel.active(value), "h = " + value);
        }
    }
}
