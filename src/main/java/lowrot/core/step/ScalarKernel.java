package lowrot.core.step;

/**
 * The scalar engine's loops for d ≠ 2, one pair at a time in fused multiply-adds: the reference the vector engine
 * ({@link VectorKernel}, {@link VectorBackward}) equals bit for bit. The order is {@link Kernel}'s.
 */
final class ScalarKernel {
    private ScalarKernel() {}

    /**
     * The forward pass over t in [t0, t1); with a mask, also row t of the activity pattern ({@link ActivityMask}).
     */
    static void outputs(
            double[] x,
            double[] y,
            int d,
            int[] idx,
            int t0,
            int t1,
            double[] a,
            double[] v,
            int m,
            double s,
            double[] z,
            long[] active) {
        int words = ActivityMask.words(m);
        int t = t0;
        // Four examples at a time: four independent dot products per neuron instead of one long
        // chain of dependent additions, each v_j read once. Every sum keeps its order, so the bits
        // equal the one-example loop below.
        for (; t + 3 < t1; t += 4) {
            int x0 = idx[t] * d;
            int x1 = idx[t + 1] * d;
            int x2 = idx[t + 2] * d;
            int x3 = idx[t + 3] * d;
            double g0 = 0;
            double g1 = 0;
            double g2 = 0;
            double g3 = 0;
            long w0 = 0;
            long w1 = 0;
            long w2 = 0;
            long w3 = 0;
            for (int j = 0; j < m; j++) {
                int row = j * d;
                double h0 = 0;
                double h1 = 0;
                double h2 = 0;
                double h3 = 0;
                for (int k = 0; k < d; k++) {
                    double vk = v[row + k];
                    h0 = Math.fma(vk, x[x0 + k], h0);
                    h1 = Math.fma(vk, x[x1 + k], h1);
                    h2 = Math.fma(vk, x[x2 + k], h2);
                    h3 = Math.fma(vk, x[x3 + k], h3);
                }
                double aj = a[j];
                g0 = Math.fma(aj, Math.max(h0, 0.0), g0);
                g1 = Math.fma(aj, Math.max(h1, 0.0), g1);
                g2 = Math.fma(aj, Math.max(h2, 0.0), g2);
                g3 = Math.fma(aj, Math.max(h3, 0.0), g3);
                if (active != null) {
                    w0 |= ActivityMask.bit(h0) << j;
                    w1 |= ActivityMask.bit(h1) << j;
                    w2 |= ActivityMask.bit(h2) << j;
                    w3 |= ActivityMask.bit(h3) << j;
                    if ((j & 63) == 63 || j == m - 1) {
                        int word = j >>> 6;
                        active[t * words + word] = w0;
                        active[(t + 1) * words + word] = w1;
                        active[(t + 2) * words + word] = w2;
                        active[(t + 3) * words + word] = w3;
                        w0 = 0;
                        w1 = 0;
                        w2 = 0;
                        w3 = 0;
                    }
                }
            }
            z[t] = y[idx[t]] * s * g0;
            z[t + 1] = y[idx[t + 1]] * s * g1;
            z[t + 2] = y[idx[t + 2]] * s * g2;
            z[t + 3] = y[idx[t + 3]] * s * g3;
        }
        for (; t < t1; t++) {
            int i = idx[t];
            int xo = i * d;
            double g = 0;
            long word = 0;
            for (int j = 0; j < m; j++) {
                int row = j * d;
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h = Math.fma(v[row + k], x[xo + k], h);
                }
                if (h > 0) {
                    g = Math.fma(a[j], h, g);
                }
                if (active != null) {
                    word |= ActivityMask.bit(h) << j;
                    if ((j & 63) == 63 || j == m - 1) {
                        active[t * words + (j >>> 6)] = word;
                        word = 0;
                    }
                }
            }
            z[t] = y[i] * s * g;
        }
    }

    /**
     * The backward pass over neurons [j0, j1) in {@link Kernel}'s order: G_j = Σ_t c_t 1[h_tj &gt; 0] x_t over
     * the examples with c_t ≠ 0 in order (an inactive pair adds +0 · x), then ∂v_j = a_j G_j and ∂a_j = Σ_k
     * v_jk G_jk. Computes h again; {@link #backward(double[], int, int[], int, double[], double[], int, int,
     * double[], double[], double[], long[])} reads the forward pass's activity bits instead (the same bits).
     */
    static void backward(
            double[] x,
            int d,
            int[] idx,
            int count,
            double[] a,
            double[] v,
            int j0,
            int j1,
            double[] c,
            double[] ga,
            double[] gv) {
        backward(x, d, idx, count, a, v, j0, j1, c, ga, gv, null);
    }

    /** As above, with the activity bits of the forward pass when {@code active} is not null ({@code a} holds all m weights). */
    static void backward(
            double[] x,
            int d,
            int[] idx,
            int count,
            double[] a,
            double[] v,
            int j0,
            int j1,
            double[] c,
            double[] ga,
            double[] gv,
            long[] active) {
        java.util.Arrays.fill(gv, j0 * d, j1 * d, 0.0);
        if (active != null) {
            fromBits(x, d, idx, count, a.length, j0, j1, c, gv, active);
            finish(d, a, v, j0, j1, ga, gv);
            return;
        }
        int t = 0;
        // Four examples at a time for the dot products (independent chains, v_j read once); the
        // sums G_j still take the examples in order, so the bits are unchanged.
        for (; t + 3 < count; t += 4) {
            double c0 = c[t];
            double c1 = c[t + 1];
            double c2 = c[t + 2];
            double c3 = c[t + 3];
            int x0 = idx[t] * d;
            int x1 = idx[t + 1] * d;
            int x2 = idx[t + 2] * d;
            int x3 = idx[t + 3] * d;
            for (int j = j0; j < j1; j++) {
                int row = j * d;
                double h0 = 0;
                double h1 = 0;
                double h2 = 0;
                double h3 = 0;
                for (int k = 0; k < d; k++) {
                    double vk = v[row + k];
                    h0 = Math.fma(vk, x[x0 + k], h0);
                    h1 = Math.fma(vk, x[x1 + k], h1);
                    h2 = Math.fma(vk, x[x2 + k], h2);
                    h3 = Math.fma(vk, x[x3 + k], h3);
                }
                accumulate(x, d, row, c0, h0, x0, gv);
                accumulate(x, d, row, c1, h1, x1, gv);
                accumulate(x, d, row, c2, h2, x2, gv);
                accumulate(x, d, row, c3, h3, x3, gv);
            }
        }
        for (; t < count; t++) {
            double ct = c[t];
            int xo = idx[t] * d;
            for (int j = j0; j < j1; j++) {
                int row = j * d;
                double h = 0;
                for (int k = 0; k < d; k++) {
                    h = Math.fma(v[row + k], x[xo + k], h);
                }
                accumulate(x, d, row, ct, h, xo, gv);
            }
        }
        finish(d, a, v, j0, j1, ga, gv);
    }

    /**
     * G_j over neurons [j0, j1) (into gv's rows) from the activity bits: four examples at a time, so that each
     * G_jk is loaded and stored once per four fused multiply-adds (still in example order); a block with an
     * example whose c_t = 0 goes one example at a time, skipping it.
     */
    private static void fromBits(
            double[] x, int d, int[] idx, int count, int m, int j0, int j1, double[] c, double[] gv, long[] active) {
        int words = ActivityMask.words(m);
        int t = 0;
        for (; t + 3 < count; t += 4) {
            double c0 = c[t];
            double c1 = c[t + 1];
            double c2 = c[t + 2];
            double c3 = c[t + 3];
            if (c0 == 0.0 || c1 == 0.0 || c2 == 0.0 || c3 == 0.0) {
                for (int u = t; u < t + 4; u++) {
                    fromBitsOne(x, d, idx, u, words, j0, j1, c, gv, active);
                }
                continue;
            }
            int x0 = idx[t] * d;
            int x1 = idx[t + 1] * d;
            int x2 = idx[t + 2] * d;
            int x3 = idx[t + 3] * d;
            int b0 = t * words;
            for (int j = j0; j < j1; j++) {
                double q0 = ActivityMask.on(active, b0, j) ? c0 : 0.0;
                double q1 = ActivityMask.on(active, b0 + words, j) ? c1 : 0.0;
                double q2 = ActivityMask.on(active, b0 + 2 * words, j) ? c2 : 0.0;
                double q3 = ActivityMask.on(active, b0 + 3 * words, j) ? c3 : 0.0;
                int row = j * d;
                for (int k = 0; k < d; k++) {
                    double g = gv[row + k];
                    g = Math.fma(q0, x[x0 + k], g);
                    g = Math.fma(q1, x[x1 + k], g);
                    g = Math.fma(q2, x[x2 + k], g);
                    g = Math.fma(q3, x[x3 + k], g);
                    gv[row + k] = g;
                }
            }
        }
        for (; t < count; t++) {
            fromBitsOne(x, d, idx, t, words, j0, j1, c, gv, active);
        }
    }

    /** Example t's share of G over neurons [j0, j1) from the activity bits (nothing when c_t = 0). */
    private static void fromBitsOne(
            double[] x, int d, int[] idx, int t, int words, int j0, int j1, double[] c, double[] gv, long[] active) {
        double ct = c[t];
        if (ct == 0.0) {
            return;
        }
        int xo = idx[t] * d;
        int rowBits = t * words;
        for (int j = j0; j < j1; j++) {
            double coef = ActivityMask.on(active, rowBits, j) ? ct : 0.0;
            int row = j * d;
            for (int k = 0; k < d; k++) {
                gv[row + k] = Math.fma(coef, x[xo + k], gv[row + k]);
            }
        }
    }

    /** Adds example (ct, h, x at xo)'s share c_t 1[h &gt; 0] x to G_j (held in gv's row): +0 · x when inactive. */
    private static void accumulate(double[] x, int d, int row, double ct, double h, int xo, double[] gv) {
        if (ct != 0.0) {
            double coef = ActivityMask.bit(h) != 0 ? ct : 0.0;
            for (int k = 0; k < d; k++) {
                gv[row + k] = Math.fma(coef, x[xo + k], gv[row + k]);
            }
        }
    }

    /**
     * Turns the sums G_j held in gv's rows [j0, j1) into the gradient: ∂a_j = Σ_k v_jk G_jk (fused multiply-adds
     * in k order, from +0), then ∂v_jk = a_j G_jk (one rounding). Shared by both engines.
     */
    static void finish(int d, double[] a, double[] v, int j0, int j1, double[] ga, double[] gv) {
        for (int j = j0; j < j1; j++) {
            int row = j * d;
            double aj = a[j];
            double sum = 0;
            for (int k = 0; k < d; k++) {
                double g = gv[row + k];
                sum = Math.fma(v[row + k], g, sum);
                gv[row + k] = aj * g;
            }
            ga[j] = sum;
        }
    }
}
