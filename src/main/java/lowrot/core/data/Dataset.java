package lowrot.core.data;

import java.util.Arrays;

/**
 * An immutable set of labelled points (x_i, y_i), x_i ∈ R^d with ‖x_i‖ ≤ 1 and y_i ∈ {−1, +1}.
 * Neural-collapse sets also carry their group centres, for the alignment metric.
 */
public final class Dataset {
    /** Slack allowed on ‖x‖ ≤ 1 for rounding in generated or imported points. */
    public static final double NORM_TOLERANCE = 1e-9;

    private final DatasetKind kind;
    private final int n;
    private final int d;
    private final double[] x;
    private final double[] y;
    private final double[] centres;

    /**
     * A data set from its arrays, taken as they are (not copied, not checked): x holds the points as rows of length
     * d, y their labels ±1, centres the group centres as rows (null when the kind has none).
     */
    public Dataset(DatasetKind kind, int d, double[] x, double[] y, double[] centres) {
        this.kind = kind;
        this.d = d;
        this.n = y.length;
        this.x = x;
        this.y = y;
        this.centres = centres;
    }

    /**
     * A data set from explicit points, validated: finite coordinates, one dimension for all,
     * ‖x‖ ≤ 1, labels ±1, at least one point of each label.
     *
     * @throws IllegalArgumentException naming the first offending point and what is allowed
     */
    public static Dataset fromPoints(double[][] points, double[] labels) {
        if (points == null || labels == null || points.length == 0) {
            throw new IllegalArgumentException("points: at least one point of each label is needed, got none");
        }
        if (points.length != labels.length) {
            throw new IllegalArgumentException("points: " + points.length + " points but " + labels.length + " labels");
        }
        int d = points[0] == null ? 0 : points[0].length;
        if (d < 1 || d > DataSpec.MAX_D) {
            throw new IllegalArgumentException("points[0] has dimension " + d + ": allowed 1 to " + DataSpec.MAX_D);
        }
        double[] x = new double[points.length * d];
        double[] y = new double[points.length];
        boolean plus = false;
        boolean minus = false;
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p == null || p.length != d) {
                throw new IllegalArgumentException("points[" + i + "] has dimension " + (p == null ? 0 : p.length)
                        + ": allowed " + d + " (the dimension of the first point)");
            }
            double norm2 = 0;
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(p[k])) {
                    throw new IllegalArgumentException(
                            "points[" + i + "][" + k + "] = " + p[k] + ": allowed finite numbers");
                }
                norm2 += p[k] * p[k];
                x[i * d + k] = p[k];
            }
            if (Math.sqrt(norm2) > 1 + NORM_TOLERANCE) {
                throw new IllegalArgumentException("points[" + i + "] has norm " + Math.sqrt(norm2)
                        + ": allowed at most 1 (scale the data into the unit ball)");
            }
            double label = labels[i];
            if (label != 1.0 && label != -1.0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + label + ": allowed -1 or 1");
            }
            plus |= label > 0;
            minus |= label < 0;
            y[i] = label;
        }
        if (!plus || !minus) {
            throw new IllegalArgumentException(
                    "labels: at least one point of each label is needed, found only " + (plus ? "+1" : "-1"));
        }
        return new Dataset(DatasetKind.POINTS, d, x, y, null);
    }

    /**
     * A stored data set rebuilt with its kind and group centres (from a run file), validated: finite
     * coordinates, ‖x‖ ≤ 1, labels ±1, matching lengths.
     */
    public static Dataset restore(DatasetKind kind, int d, double[] x, double[] y, double[] centres) {
        if (d < 1 || x.length != (long) y.length * d || (centres != null && centres.length % d != 0)) {
            throw new IllegalArgumentException(
                    "data: " + y.length + " labels, " + x.length + " coordinates and d = " + d + " do not match");
        }
        for (int i = 0; i < y.length; i++) {
            double norm2 = 0;
            for (int k = 0; k < d; k++) {
                double v = x[i * d + k];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("data point " + i + " has a non-finite coordinate");
                }
                norm2 += v * v;
            }
            if (Math.sqrt(norm2) > 1 + NORM_TOLERANCE) {
                throw new IllegalArgumentException("data point " + i + " lies outside the unit ball");
            }
            if (y[i] != 1 && y[i] != -1) {
                throw new IllegalArgumentException("label " + i + " = " + y[i] + ": allowed -1 or 1");
            }
        }
        return new Dataset(
                kind, d, x.clone(), y.clone(), centres == null || centres.length == 0 ? null : centres.clone());
    }

    /** An empty set of dimension d (a run on explicit points has no test set). */
    public static Dataset empty(DatasetKind kind, int d) {
        return new Dataset(kind, d, new double[0], new double[0], null);
    }

    public DatasetKind kind() {
        return kind;
    }

    /** Number of points. */
    public int n() {
        return n;
    }

    /** Dimension of each point. */
    public int d() {
        return d;
    }

    /** Coordinate k of point i. */
    public double x(int i, int k) {
        return x[i * d + k];
    }

    /** Label of point i, ±1. */
    public double y(int i) {
        return y[i];
    }

    /** A copy of point i. */
    public double[] point(int i) {
        return Arrays.copyOfRange(x, i * d, (i + 1) * d);
    }

    /** A copy of all coordinates, row-major n × d. */
    public double[] copyX() {
        return x.clone();
    }

    /** A copy of all labels. */
    public double[] copyY() {
        return y.clone();
    }

    /** Number of group centres (0 unless this is a neural-collapse set). */
    public int centreCount() {
        return centres == null ? 0 : centres.length / d;
    }

    /** A copy of the group centres, row-major r × d (empty if none). */
    public double[] copyCentres() {
        return centres == null ? new double[0] : centres.clone();
    }

    /** Number of points with label +1. */
    public int positives() {
        int count = 0;
        for (double label : y) {
            if (label > 0) {
                count++;
            }
        }
        return count;
    }

    /** This set with one more point, validated as in {@link #fromPoints}. */
    public Dataset plus(double[] point, double label) {
        double[][] pts = new double[n + 1][];
        double[] labels = new double[n + 1];
        for (int i = 0; i < n; i++) {
            pts[i] = point(i);
            labels[i] = y[i];
        }
        pts[n] = point.clone();
        labels[n] = label;
        return fromPointsUnchecked(pts, labels);
    }

    /** This set without point {@code index}. */
    public Dataset minus(int index) {
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("point index " + index + ": allowed 0 to " + (n - 1));
        }
        double[] nx = new double[(n - 1) * d];
        double[] ny = new double[n - 1];
        System.arraycopy(x, 0, nx, 0, index * d);
        System.arraycopy(x, (index + 1) * d, nx, index * d, (n - index - 1) * d);
        System.arraycopy(y, 0, ny, 0, index);
        System.arraycopy(y, index + 1, ny, index, n - index - 1);
        return new Dataset(DatasetKind.POINTS, d, nx, ny, null);
    }

    /** Equal when kind, points, labels and centres are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset other
                && kind == other.kind
                && d == other.d
                && Arrays.equals(x, other.x)
                && Arrays.equals(y, other.y)
                && Arrays.equals(centres, other.centres);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    /** Index of the point nearest to {@code point} (Euclidean), or −1 for an empty set. */
    public int nearest(double[] point) {
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double dist = 0;
            for (int k = 0; k < d; k++) {
                double diff = x[i * d + k] - point[k];
                dist += diff * diff;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = i;
            }
        }
        return best;
    }

    /** As {@link #fromPoints}, but one label alone is allowed (while a user clicks points in one at a time). */
    public static Dataset fromPointsUnchecked(double[][] pts, double[] labels) {
        boolean plus = false;
        boolean minus = false;
        for (double label : labels) {
            plus |= label > 0;
            minus |= label < 0;
        }
        if (plus && minus) {
            return fromPoints(pts, labels);
        }
        double[][] padded = Arrays.copyOf(pts, pts.length + 1);
        double[] paddedLabels = Arrays.copyOf(labels, labels.length + 1);
        padded[pts.length] = new double[pts[0].length];
        paddedLabels[pts.length] = plus ? -1 : 1;
        Dataset checked = fromPoints(padded, paddedLabels);
        return checked.minus(pts.length);
    }
}
