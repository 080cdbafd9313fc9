package lowrot.core.step;

import jdk.incubator.vector.DoubleVector;

/**
 * The second sweep of the vector backward pass ({@link VectorBackward}): a tile's coefficients (one neuron per
 * lane, one example per row) times x_tk added into the sums G, a few coordinates k at a time with their sums held
 * in registers across the tile. Each sum takes the tile's rows in order, one fused multiply-add each.
 */
final class TileSums {
    private static final jdk.incubator.vector.VectorSpecies<Double> S = VectorKernel.S;
    private static final int L = VectorKernel.L;

    /** Gradient columns (input coordinates) whose sums stay in registers at once. */
    static final int COLUMNS = 4;

    private TileSums() {}

    /**
     * acc[k·w + lane] += tile[r·w + lane] · x[rows[r] + k] for the tile's rows r in order: {@link #COLUMNS}
     * coordinates at a time, their 2·COLUMNS sums in registers across the whole tile.
     */
    static void add(double[] x, int d, double[] tile, int[] rows, int count, double[] acc, int w) {
        int k = 0;
        for (; k + COLUMNS <= d; k += COLUMNS) {
            int o = k * w;
            DoubleVector s00 = DoubleVector.fromArray(S, acc, o);
            DoubleVector s01 = DoubleVector.fromArray(S, acc, o + L);
            DoubleVector s10 = DoubleVector.fromArray(S, acc, o + w);
            DoubleVector s11 = DoubleVector.fromArray(S, acc, o + w + L);
            DoubleVector s20 = DoubleVector.fromArray(S, acc, o + 2 * w);
            DoubleVector s21 = DoubleVector.fromArray(S, acc, o + 2 * w + L);
            DoubleVector s30 = DoubleVector.fromArray(S, acc, o + 3 * w);
            DoubleVector s31 = DoubleVector.fromArray(S, acc, o + 3 * w + L);
            for (int r = 0; r < count; r++) {
                DoubleVector c0 = DoubleVector.fromArray(S, tile, r * w);
                DoubleVector c1 = DoubleVector.fromArray(S, tile, r * w + L);
                int xo = rows[r] + k;
                double x0 = x[xo];
                double x1 = x[xo + 1];
                double x2 = x[xo + 2];
                double x3 = x[xo + 3];
                s00 = c0.fma(DoubleVector.broadcast(S, x0), s00);
                s01 = c1.fma(DoubleVector.broadcast(S, x0), s01);
                s10 = c0.fma(DoubleVector.broadcast(S, x1), s10);
                s11 = c1.fma(DoubleVector.broadcast(S, x1), s11);
                s20 = c0.fma(DoubleVector.broadcast(S, x2), s20);
                s21 = c1.fma(DoubleVector.broadcast(S, x2), s21);
                s30 = c0.fma(DoubleVector.broadcast(S, x3), s30);
                s31 = c1.fma(DoubleVector.broadcast(S, x3), s31);
            }
            s00.intoArray(acc, o);
            s01.intoArray(acc, o + L);
            s10.intoArray(acc, o + w);
            s11.intoArray(acc, o + w + L);
            s20.intoArray(acc, o + 2 * w);
            s21.intoArray(acc, o + 2 * w + L);
            s30.intoArray(acc, o + 3 * w);
            s31.intoArray(acc, o + 3 * w + L);
        }
        for (; k < d; k++) {
            int o = k * w;
            DoubleVector s0 = DoubleVector.fromArray(S, acc, o);
            DoubleVector s1 = DoubleVector.fromArray(S, acc, o + L);
            for (int r = 0; r < count; r++) {
                double xk = x[rows[r] + k];
                s0 = DoubleVector.fromArray(S, tile, r * w).fma(DoubleVector.broadcast(S, xk), s0);
                s1 = DoubleVector.fromArray(S, tile, r * w + L).fma(DoubleVector.broadcast(S, xk), s1);
            }
            s0.intoArray(acc, o);
            s1.intoArray(acc, o + L);
        }
    }
    /**
     * As {@link #add} for blocks of 4L neurons: {@link #COLUMNS} coordinates × four vectors, sixteen sums in
     * registers across the tile (each coefficient vector and x value loaded once per four uses).
     */
    static void addWide(double[] x, int d, double[] tile, int[] rows, int count, double[] acc) {
        int w = 4 * L;
        int k = 0;
        for (; k + COLUMNS <= d; k += COLUMNS) {
            columnsWide(x, k, tile, rows, count, acc);
        }
        for (; k < d; k++) {
            int o = k * w;
            DoubleVector s0 = DoubleVector.fromArray(S, acc, o);
            DoubleVector s1 = DoubleVector.fromArray(S, acc, o + L);
            DoubleVector s2 = DoubleVector.fromArray(S, acc, o + 2 * L);
            DoubleVector s3 = DoubleVector.fromArray(S, acc, o + 3 * L);
            for (int r = 0; r < count; r++) {
                DoubleVector xk = DoubleVector.broadcast(S, x[rows[r] + k]);
                int to = r * w;
                s0 = DoubleVector.fromArray(S, tile, to).fma(xk, s0);
                s1 = DoubleVector.fromArray(S, tile, to + L).fma(xk, s1);
                s2 = DoubleVector.fromArray(S, tile, to + 2 * L).fma(xk, s2);
                s3 = DoubleVector.fromArray(S, tile, to + 3 * L).fma(xk, s3);
            }
            s0.intoArray(acc, o);
            s1.intoArray(acc, o + L);
            s2.intoArray(acc, o + 2 * L);
            s3.intoArray(acc, o + 3 * L);
        }
    }

    /** Coordinates k … k + 3 of {@link #addWide}. */
    private static void columnsWide(double[] x, int k, double[] tile, int[] rows, int count, double[] acc) {
        int w = 4 * L;
        int o = k * w;
        DoubleVector s00 = DoubleVector.fromArray(S, acc, o);
        DoubleVector s01 = DoubleVector.fromArray(S, acc, o + L);
        DoubleVector s02 = DoubleVector.fromArray(S, acc, o + 2 * L);
        DoubleVector s03 = DoubleVector.fromArray(S, acc, o + 3 * L);
        DoubleVector s10 = DoubleVector.fromArray(S, acc, o + w);
        DoubleVector s11 = DoubleVector.fromArray(S, acc, o + w + L);
        DoubleVector s12 = DoubleVector.fromArray(S, acc, o + w + 2 * L);
        DoubleVector s13 = DoubleVector.fromArray(S, acc, o + w + 3 * L);
        DoubleVector s20 = DoubleVector.fromArray(S, acc, o + 2 * w);
        DoubleVector s21 = DoubleVector.fromArray(S, acc, o + 2 * w + L);
        DoubleVector s22 = DoubleVector.fromArray(S, acc, o + 2 * w + 2 * L);
        DoubleVector s23 = DoubleVector.fromArray(S, acc, o + 2 * w + 3 * L);
        DoubleVector s30 = DoubleVector.fromArray(S, acc, o + 3 * w);
        DoubleVector s31 = DoubleVector.fromArray(S, acc, o + 3 * w + L);
        DoubleVector s32 = DoubleVector.fromArray(S, acc, o + 3 * w + 2 * L);
        DoubleVector s33 = DoubleVector.fromArray(S, acc, o + 3 * w + 3 * L);
        for (int r = 0; r < count; r++) {
            int to = r * w;
            DoubleVector c0 = DoubleVector.fromArray(S, tile, to);
            DoubleVector c1 = DoubleVector.fromArray(S, tile, to + L);
            DoubleVector c2 = DoubleVector.fromArray(S, tile, to + 2 * L);
            DoubleVector c3 = DoubleVector.fromArray(S, tile, to + 3 * L);
            int xo = rows[r] + k;
            DoubleVector x0 = DoubleVector.broadcast(S, x[xo]);
            DoubleVector x1 = DoubleVector.broadcast(S, x[xo + 1]);
            DoubleVector x2 = DoubleVector.broadcast(S, x[xo + 2]);
            DoubleVector x3 = DoubleVector.broadcast(S, x[xo + 3]);
            s00 = c0.fma(x0, s00);
            s01 = c1.fma(x0, s01);
            s02 = c2.fma(x0, s02);
            s03 = c3.fma(x0, s03);
            s10 = c0.fma(x1, s10);
            s11 = c1.fma(x1, s11);
            s12 = c2.fma(x1, s12);
            s13 = c3.fma(x1, s13);
            s20 = c0.fma(x2, s20);
            s21 = c1.fma(x2, s21);
            s22 = c2.fma(x2, s22);
            s23 = c3.fma(x2, s23);
            s30 = c0.fma(x3, s30);
            s31 = c1.fma(x3, s31);
            s32 = c2.fma(x3, s32);
            s33 = c3.fma(x3, s33);
        }
        s00.intoArray(acc, o);
        s01.intoArray(acc, o + L);
        s02.intoArray(acc, o + 2 * L);
        s03.intoArray(acc, o + 3 * L);
        s10.intoArray(acc, o + w);
        s11.intoArray(acc, o + w + L);
        s12.intoArray(acc, o + w + 2 * L);
        s13.intoArray(acc, o + w + 3 * L);
        s20.intoArray(acc, o + 2 * w);
        s21.intoArray(acc, o + 2 * w + L);
        s22.intoArray(acc, o + 2 * w + 2 * L);
        s23.intoArray(acc, o + 2 * w + 3 * L);
        s30.intoArray(acc, o + 3 * w);
        s31.intoArray(acc, o + 3 * w + L);
        s32.intoArray(acc, o + 3 * w + 2 * L);
        s33.intoArray(acc, o + 3 * w + 3 * L);
    }
}
