package lowrot.render;

import lowrot.core.Snapshot;

/**
 * Maps the circle view's coordinates (the unit disk, neurons on rays out to radius {@link #OUTER})
 * to pixels of a w × h area, and projects d-dimensional vectors onto the view plane.
 */
public final class CircleLayout {
    /** Largest radius a neuron can be drawn at, in units of the unit circle. */
    public static final double OUTER = 1.58;
    private static final int TITLE_SPACE = 34;
    private static final int FOOTER_SPACE = 24;

    private final double cx;
    private final double cy;
    private final double scale;

    public CircleLayout(double width, double height) {
        double usableH = Math.max(10, height - TITLE_SPACE - FOOTER_SPACE);
        this.scale = Math.max(1, Math.min(width, usableH) / 2 / (OUTER + 0.04));
        this.cx = width / 2;
        this.cy = TITLE_SPACE + usableH / 2;
    }

    /** Pixel x of the plane point (u, v). */
    public double px(double u) {
        return cx + scale * u;
    }

    /** Pixel y of the plane point (u, v) (y grows downwards on screen). */
    public double py(double v) {
        return cy - scale * v;
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

    /** The view plane: the coordinate axes a and b (default e₁, e₂). */
    public record Plane(int a, int b) {
        public static final Plane DEFAULT = new Plane(0, 1);

        /** Angle of neuron j's projection v_j·e_a, v_j·e_b. */
        public double angle(Snapshot s, int j) {
            return Math.atan2(s.v(j, b), s.v(j, a));
        }

        /** Angle of neuron j's initial direction projected on the plane. */
        public double initialAngle(Snapshot s, int j) {
            return Math.atan2(s.initialV(j, b), s.initialV(j, a));
        }
    }
}
