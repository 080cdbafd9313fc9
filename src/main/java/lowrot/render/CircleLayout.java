package lowrot.render;

import lowrot.core.data.Dataset;
import lowrot.core.train.Snapshot;

/**
 * Maps the circle view's coordinates (the unit disk, neurons on rays out to radius {@link #OUTER})
 * to pixels of a w × h area, and projects d-dimensional vectors onto the view plane.
 */
public final class CircleLayout {
    /** Largest radius a neuron can be drawn at, in units of the unit circle. */
    public static final double OUTER = 1.58;
    /** Neurons sit between this radius and {@link #OUTER}. */
    public static final double INNER = 1.06;

    private static final int TITLE_SPACE = 34;
    private static final int FOOTER_SPACE = 24;

    private final double cx;
    private final double cy;
    private final double scale;

    public CircleLayout(double width, double height) {
        this(width, height, 1);
    }

    /**
     * The layout of a view whose caption and legend are drawn {@code textScale} times the window's size
     * (presentation mode): the space above and below the circle grows with them.
     */
    public CircleLayout(double width, double height, double textScale) {
        double usableH = Math.max(10, height - textScale * (TITLE_SPACE + FOOTER_SPACE));
        this.scale = Math.max(1, Math.min(width, usableH) / 2 / (OUTER + 0.04));
        this.cx = width / 2;
        this.cy = textScale * TITLE_SPACE + usableH / 2;
    }

    /** Pixel x of the plane point (u, v). */
    public double px(double u) {
        return cx + scale * u;
    }

    /** Pixel y of the plane point (u, v) (y grows downwards on screen). */
    public double py(double v) {
        return cy - scale * v;
    }

    /** The plane point (u, v) under pixel (x, y). */
    public double[] toPlane(double x, double y) {
        return new double[] {(x - cx) / scale, (cy - y) / scale};
    }

    /** The pixel (x, y) where neuron j is drawn. */
    public double[] neuronPixel(Snapshot s, Plane plane, int j) {
        double a = plane.angle(s, j);
        double r = neuronRadius(s, j, maxWeight(s));
        return new double[] {px(r * Math.cos(a)), py(r * Math.sin(a))};
    }

    /** The neuron drawn nearest to pixel (x, y) within {@code pixels}, or −1. */
    public int nearestNeuron(Snapshot s, Plane plane, double x, double y, double pixels) {
        double maxW = maxWeight(s);
        int best = -1;
        double bestDist = pixels * pixels;
        for (int j = 0; j < s.width(); j++) {
            double a = plane.angle(s, j);
            double r = neuronRadius(s, j, maxW);
            double dx = px(r * Math.cos(a)) - x;
            double dy = py(r * Math.sin(a)) - y;
            if (dx * dx + dy * dy < bestDist) {
                bestDist = dx * dx + dy * dy;
                best = j;
            }
        }
        return best;
    }

    /** In a d = 2 view: the training point drawn within {@code pixels} of pixel (x, y), or −1. */
    public int nearestPoint(Dataset train, double x, double y, double pixels) {
        if (train.d() != 2 || train.n() == 0) {
            return -1;
        }
        int i = train.nearest(toPlane(x, y));
        double dx = px(train.x(i, 0)) - x;
        double dy = py(train.x(i, 1)) - y;
        return dx * dx + dy * dy <= pixels * pixels ? i : -1;
    }

    /** Pixels per unit. */
    public double scale() {
        return scale;
    }

    public double centreX() {
        return cx;
    }

    public double centreY() {
        return cy;
    }

    /**
     * The view plane: the coordinate axes a and b (default e₁, e₂), or, when {@code learned}, the plane
     * each snapshot's network selected ({@link Snapshot#learnedPlane()}).
     */
    public record Plane(int a, int b, boolean learned) {
        public static final Plane DEFAULT = new Plane(0, 1, false);
        public static final Plane LEARNED = new Plane(0, 1, true);

        public Plane(int a, int b) {
            this(a, b, false);
        }

        /** Coordinates of x (length d) in the plane of snapshot s: (first, second). */
        public double first(Snapshot s, double[] x) {
            return learned ? dot(s.learnedPlane().first(), x) : x[a];
        }

        public double second(Snapshot s, double[] x) {
            return learned ? dot(s.learnedPlane().second(), x) : x[b];
        }

        /** Angle of neuron j's projection on the plane. */
        public double angle(Snapshot s, int j) {
            double[] v = row(s, j, false);
            return Math.atan2(second(s, v), first(s, v));
        }

        /** Angle of neuron j's initial direction projected on the plane. */
        public double initialAngle(Snapshot s, int j) {
            double[] v = row(s, j, true);
            return Math.atan2(second(s, v), first(s, v));
        }

        /** "e1–e2", or the learned plane with its overlap with e₁–e₂. */
        public String describe(Snapshot s) {
            return learned
                    ? String.format(
                            "learned plane (overlap with e1–e2 %.2f)",
                            s.learnedPlane().overlap())
                    : String.format("plane e%d–e%d", a + 1, b + 1);
        }

        private static double[] row(Snapshot s, int j, boolean initial) {
            double[] v = new double[s.dim()];
            for (int k = 0; k < v.length; k++) {
                v[k] = initial ? s.initialV(j, k) : s.v(j, k);
            }
            return v;
        }

        private static double dot(double[] p, double[] x) {
            double sum = 0;
            for (int k = 0; k < x.length; k++) {
                sum += p[k] * x[k];
            }
            return sum;
        }
    }

    /** The largest |a_j|‖v_j‖ of a snapshot. */
    public static double maxWeight(Snapshot s) {
        double max = 0;
        for (int j = 0; j < s.width(); j++) {
            max = Math.max(max, weight(s, j));
        }
        return max;
    }

    /** |a_j|‖v_j‖. */
    public static double weight(Snapshot s, int j) {
        return Math.abs(s.a(j)) * s.innerNorm(j);
    }

    /** Where neuron j is drawn: INNER plus its share of the largest weight. */
    public static double neuronRadius(Snapshot s, int j, double maxWeight) {
        double share = maxWeight > 0 ? weight(s, j) / maxWeight : 0;
        return INNER + (OUTER - INNER) * (Double.isFinite(share) ? share : 0);
    }
}
