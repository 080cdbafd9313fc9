package lowrot.render;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import lowrot.core.train.Snapshot;

/**
 * Thousands of neurons as a density around the unit circle instead of a ring of overlapping dots: for each of
 * {@link #BINS} directions, a bar outward from the circle whose length is the summed |a_j|‖v_j‖ of the neurons
 * pointing there — orange for a_j &gt; 0 in the bin's first half, blue for a_j &lt; 0 in its second — so where
 * the network puts its output weight reads at a glance.
 */
final class NeuronDensity {
    /** Directions around the circle (2° each). */
    static final int BINS = 180;

    private NeuronDensity() {}

    /** The summed weights by bin: [0][b] for a_j &gt; 0, [1][b] for a_j &lt; 0 (angles from −π). */
    static double[][] bins(Snapshot s, CircleLayout.Plane plane) {
        double[][] out = new double[2][BINS];
        double width = 2 * Math.PI / BINS;
        for (int j = 0; j < s.width(); j++) {
            double a = plane.angle(s, j);
            double w = CircleLayout.weight(s, j);
            if (!Double.isFinite(a) || !(w > 0)) {
                continue;
            }
            int bin = Math.floorMod((int) Math.floor((a + Math.PI) / width), BINS);
            out[s.a(j) > 0 ? 0 : 1][bin] += w;
        }
        return out;
    }

    static void paint(Graphics2D g, CircleLayout layout, Snapshot s, CircleLayout.Plane plane) {
        double[][] bins = bins(s, plane);
        double max = 0;
        for (double[] side : bins) {
            for (double b : side) {
                max = Math.max(max, b);
            }
        }
        if (max <= 0) {
            return;
        }
        double width = 2 * Math.PI / BINS;
        double longest = (CircleLayout.OUTER - 1) * 0.98;
        for (int side = 0; side < 2; side++) {
            g.setPaint(Palette.forSign(side == 0 ? 1 : -1));
            for (int b = 0; b < BINS; b++) {
                if (bins[side][b] <= 0) {
                    continue;
                }
                double from = -Math.PI + b * width + side * width / 2;
                double to = from + width / 2;
                double outer = 1 + longest * bins[side][b] / max;
                Path2D.Double bar = new Path2D.Double();
                bar.moveTo(layout.px(Math.cos(from)), layout.py(Math.sin(from)));
                bar.lineTo(layout.px(outer * Math.cos(from)), layout.py(outer * Math.sin(from)));
                bar.lineTo(layout.px(outer * Math.cos(to)), layout.py(outer * Math.sin(to)));
                bar.lineTo(layout.px(Math.cos(to)), layout.py(Math.sin(to)));
                bar.closePath();
                g.fill(bar);
            }
        }
    }
}
