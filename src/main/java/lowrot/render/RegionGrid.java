package lowrot.render;

import lowrot.core.model.Network;

/**
 * The network's output f sampled on a square grid over [−1, 1]² of the view plane, for shading
 * decision regions. Coordinates beyond the plane (the bias coordinate) are held at fixed values.
 * Heavy to compute; build it off the UI thread.
 */
public final class RegionGrid {
    private final int resolution;
    private final float[] values;
    private final double maxAbs;

    private RegionGrid(int resolution, float[] values, double maxAbs) {
        this.resolution = resolution;
        this.values = values;
        this.maxAbs = maxAbs;
    }

    /**
     * Samples f at the centres of a resolution × resolution grid. {@code fixed} gives the input
     * coordinates 2, 3, … (empty for d = 2).
     */
    public static RegionGrid compute(Network net, int resolution, double[] fixed) {
        int d = net.dim();
        if (d != 2 + fixed.length) {
            throw new IllegalArgumentException("network dimension " + d + " needs " + (d - 2) + " fixed coordinates");
        }
        float[] values = new float[resolution * resolution];
        double[] x = new double[d];
        System.arraycopy(fixed, 0, x, 2, fixed.length);
        double maxAbs = 0;
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                x[0] = -1 + (col + 0.5) * 2.0 / resolution;
                x[1] = 1 - (row + 0.5) * 2.0 / resolution;
                double f = net.f(x);
                values[row * resolution + col] = (float) f;
                if (Double.isFinite(f)) {
                    maxAbs = Math.max(maxAbs, Math.abs(f));
                }
            }
        }
        return new RegionGrid(resolution, values, maxAbs);
    }

    public int resolution() {
        return resolution;
    }

    /** f at grid cell (row, col); row 0 is the top (y = +1). */
    public double value(int row, int col) {
        return values[row * resolution + col];
    }

    public double maxAbs() {
        return maxAbs;
    }
}
