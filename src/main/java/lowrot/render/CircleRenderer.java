package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import lowrot.core.data.Dataset;
import lowrot.core.train.Snapshot;

/**
 * Draws the circle view with Java2D: the unit circle with the data (projected on the view plane),
 * each neuron on the ray of its direction at a distance from the circle proportional to
 * |a_j|‖v_j‖ (relative to the largest), coloured by the sign of a_j, with a mark at its initial
 * angle and a fading trail; optionally the rose of angles, decision regions and the optimal
 * network's spokes. The same code paints the window (through FXGraphics2D), PNG and SVG.
 */
public final class CircleRenderer {
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Presentation sizes: the legend at 18 pt, the caption at 18 · 13/11 ≈ 21 pt; the layout grows alike. */
    private static final float LARGE = 18f / 11f;

    /** How much larger than the window's the view's text is drawn: 1, or {@link #LARGE} in presentation mode. */
    public static double textScale(CircleScene.Options options) {
        return options.largeText() ? LARGE : 1;
    }

    /** The circle's layout in a w × h view with these options. */
    public static CircleLayout layout(double w, double h, CircleScene.Options options) {
        return new CircleLayout(w, h, textScale(options));
    }

    private static final int ROSE_BINS = 48;

    private CircleRenderer() {}

    /**
     * The circle view's caption; in the no-rotation regime it counts norms that passed through zero, and where the
     * run measures it, it gives the alignment with the max-margin network.
     */
    public static String caption(lowrot.core.model.Regime regime, Snapshot s) {
        lowrot.core.train.Metrics m = s.metrics();
        String text = String.format(
                "%s · m = %d · step %,d · τ = %s · rotation %.2f° (mean)",
                regime.label(), s.width(), s.step(), ChartSet.fmt(m.time()), Math.toDegrees(m.rotationMean()));
        if (s.frozenDirections()) {
            // Run files written before the metric existed read it as NaN: count the reversed neurons then.
            long flipped = Double.isNaN(m.flippedNorms())
                    ? java.util.stream.IntStream.range(0, s.width())
                            .filter(j -> s.rotation(j) == Math.PI)
                            .count()
                    : Math.round(m.flippedNorms() * s.width());
            text += String.format(" · %d of %d norms b_j flipped sign", flipped, s.width());
        }
        if (lowrot.core.train.Metrics.applies(m.optimalAlignment())) {
            text += String.format(" · max-margin alignment %.3f", m.optimalAlignment());
        }
        long zero = Math.round(m.zeroNeurons() * s.width());
        if (zero > 0) {
            text += String.format(" · %d zero neurons (no direction)", zero);
        }
        return text;
    }

    /** Paints the scene into a w × h area with the origin at (0, 0). */
    public static void paint(Graphics2D g, double w, double h, CircleScene scene) {
        paintStill(g, w, h, scene);
        paintMoving(g, w, h, scene);
    }

    /**
     * Whether {@link #paintStill} depends on the scene only through what {@link #sameStill} compares: true unless
     * the rose or the region shading, which change with every snapshot, lie under the data.
     */
    public static boolean stillIsCacheable(CircleScene scene) {
        CircleScene.Options opt = scene.options();
        return !opt.rose() && !(opt.regions() && scene.regions() != null);
    }

    /**
     * Whether two cacheable scenes have the same still layer: the same data and optimal network
     * (by identity), plane and toggles, and the same run (whose initial network gives the marks at
     * the initial angles; every new initialization is a new run). A learned plane moves with every
     * snapshot, so only the same snapshot has the same still layer then.
     */
    public static boolean sameStill(CircleScene p, CircleScene q) {
        if (p.options().plane().learned() && p.snapshot() != q.snapshot()) {
            return false;
        }
        return p.data() == q.data()
                && p.optimal() == q.optimal()
                && p.options().plane().equals(q.options().plane())
                && p.options().optimal() == q.options().optimal()
                && p.snapshot().runId() == q.snapshot().runId()
                && p.snapshot().width() == q.snapshot().width();
    }

    /**
     * The layer under the neurons: background, regions or rose if shown, axes, unit circle, data,
     * the optimal network's spokes and the marks at the neurons' initial angles.
     */
    public static void paintStill(Graphics2D g, double w, double h, CircleScene scene) {
        hints(g);
        g.setPaint(Palette.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        CircleLayout layout = layout(w, h, scene.options());
        CircleScene.Options opt = scene.options();
        Snapshot s = scene.snapshot();
        if (opt.regions() && scene.regions() != null) {
            paintRegions(g, layout, scene.regions());
        }
        double r = layout.scale();
        g.setPaint(Palette.GRID);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(layout.px(-1.1), layout.py(0), layout.px(1.1), layout.py(0)));
        g.draw(new Line2D.Double(layout.px(0), layout.py(-1.1), layout.px(0), layout.py(1.1)));
        g.setPaint(Palette.INK);
        g.setStroke(new BasicStroke(1.4f));
        g.draw(new Ellipse2D.Double(layout.px(-1), layout.py(1), 2 * r, 2 * r));
        if (opt.rose()) {
            paintRose(g, layout, s, opt.plane());
        }
        paintData(g, layout, scene.data(), opt.plane(), s);
        if (opt.optimal() && scene.optimal() != null) {
            paintOptimal(g, layout, scene);
        }
        paintInitialMarks(g, layout, s, opt.plane());
    }

    /** The layer that moves with training: trails, neurons, caption and legend. */
    public static void paintMoving(Graphics2D g, double w, double h, CircleScene scene) {
        paintMoving(g, w, h, scene, false);
    }

    /**
     * As above; with {@code bitmapDots}, on a bitmap drawn at one pixel per unit, the neurons' dots
     * are copies of a small pre-drawn image (placed to the nearest pixel) rather than anti-aliased
     * curves: about twice as fast at thousands of neurons. Vector output (SVG) never uses them.
     */
    public static void paintMoving(Graphics2D g, double w, double h, CircleScene scene, boolean bitmapDots) {
        hints(g);
        CircleLayout layout = layout(w, h, scene.options());
        CircleScene.Options opt = scene.options();
        boolean density = opt.density(scene.snapshot().width());
        if (density) {
            NeuronDensity.paint(g, layout, scene.snapshot(), opt.plane());
        } else {
            NeuronDots.paint(
                    g,
                    layout,
                    scene.snapshot(),
                    opt.trails() ? scene.trails() : null,
                    opt.plane(),
                    bitmapDots && g.getTransform().isIdentity());
        }
        g.setPaint(Palette.INK);
        float k = (float) textScale(opt);
        g.setFont(CAPTION.deriveFont(CAPTION.getSize2D() * k));
        drawCaption(g, scene.caption() == null ? "" : scene.caption(), w, k);
        g.setFont(SMALL.deriveFont(SMALL.getSize2D() * k));
        paintLegend(g, w, h, scene.snapshot(), opt.plane(), density, opt.optimal() && scene.optimal() != null, k);
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /**
     * The caption on one line, or broken at its " · " into as many lines as the width needs. A narrow view is tall
     * (the circle is as wide as the view), so the lines beyond two fall in room the circle leaves free.
     */
    private static void drawCaption(Graphics2D g, String caption, double w, float k) {
        var fm = g.getFontMetrics();
        List<String> lines = TextLines.of(caption, " · ", fm::stringWidth, w - 20);
        if (lines.size() == 1) {
            g.drawString(caption, 10, 20 * k);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 10, (16 + 15 * i) * k);
        }
    }

    private static void paintRegions(Graphics2D g, CircleLayout layout, RegionGrid grid) {
        int res = grid.resolution();
        double cell = 2.0 / res;
        double max = grid.maxAbs() > 0 ? grid.maxAbs() : 1;
        for (int row = 0; row < res; row++) {
            for (int col = 0; col < res; col++) {
                double u = -1 + col * cell;
                double v = 1 - row * cell;
                if ((u + cell / 2) * (u + cell / 2) + (v - cell / 2) * (v - cell / 2) > 1.0) {
                    continue;
                }
                double f = grid.value(row, col);
                if (!Double.isFinite(f) || f == 0) {
                    continue;
                }
                double strength = 0.12 + 0.33 * Math.sqrt(Math.abs(f) / max);
                g.setPaint(Palette.withAlpha(f > 0 ? Palette.POSITIVE_LIGHT : Palette.NEGATIVE_LIGHT, strength));
                g.fill(new Rectangle2D.Double(
                        layout.px(u), layout.py(v), cell * layout.scale() + 0.6, cell * layout.scale() + 0.6));
            }
        }
    }

    private static void paintRose(Graphics2D g, CircleLayout layout, Snapshot s, CircleLayout.Plane plane) {
        double[] bins = new double[ROSE_BINS];
        double width = 2 * Math.PI / ROSE_BINS;
        for (int j = 0; j < s.width(); j++) {
            double a = plane.angle(s, j);
            int bin = (int) Math.floor((a + Math.PI) / width) % ROSE_BINS;
            double w = CircleLayout.weight(s, j);
            if (Double.isFinite(w)) {
                bins[bin] += w;
            }
        }
        double max = 0;
        for (double b : bins) {
            max = Math.max(max, b);
        }
        if (max <= 0) {
            return;
        }
        g.setPaint(Palette.withAlpha(Palette.FAINT, 0.35));
        for (int b = 0; b < ROSE_BINS; b++) {
            if (bins[b] == 0) {
                continue;
            }
            double rad = 0.95 * Math.sqrt(bins[b] / max) * layout.scale();
            double startDeg = Math.toDegrees(-Math.PI + b * width);
            g.fill(new Arc2D.Double(
                    layout.centreX() - rad,
                    layout.centreY() - rad,
                    2 * rad,
                    2 * rad,
                    startDeg,
                    Math.toDegrees(width),
                    Arc2D.PIE));
        }
    }

    private static void paintData(
            Graphics2D g, CircleLayout layout, Dataset data, CircleLayout.Plane plane, Snapshot snap) {
        int n = data.n();
        double size = n > 2000 ? 3 : n > 500 ? 4 : 6;
        g.setStroke(new BasicStroke(0.8f));
        for (int i = 0; i < n; i++) {
            double[] x = data.point(i);
            double u = plane.first(snap, x);
            double v = plane.second(snap, x);
            Ellipse2D dot = new Ellipse2D.Double(layout.px(u) - size / 2, layout.py(v) - size / 2, size, size);
            g.setPaint(data.y(i) > 0 ? Palette.POSITIVE_LIGHT : Palette.NEGATIVE_LIGHT);
            g.fill(dot);
            g.setPaint(data.y(i) > 0 ? Palette.POSITIVE : Palette.NEGATIVE);
            g.draw(dot);
        }
    }

    private static void paintOptimal(Graphics2D g, CircleLayout layout, CircleScene scene) {
        var opt = scene.optimal();
        CircleLayout.Plane plane = scene.options().plane();
        double max = 0;
        for (int j = 0; j < opt.neurons(); j++) {
            max = Math.max(max, Math.abs(opt.weight(j)));
        }
        for (int j = 0; j < opt.neurons(); j++) {
            double[] u = new double[opt.dim()];
            for (int k = 0; k < u.length; k++) {
                u[k] = opt.direction(j, k);
            }
            double a = Math.atan2(plane.second(scene.snapshot(), u), plane.first(scene.snapshot(), u));
            double share = max > 0 ? Math.abs(opt.weight(j)) / max : 0;
            g.setPaint(Palette.withAlpha(Palette.GLOBAL, 0.25 + 0.45 * share));
            g.setStroke(new BasicStroke(
                    (float) (0.8 + 2.2 * share),
                    BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND,
                    1f,
                    new float[] {5f, 5f},
                    0f));
            g.draw(new Line2D.Double(
                    layout.px(0),
                    layout.py(0),
                    layout.px(CircleLayout.OUTER * Math.cos(a)),
                    layout.py(CircleLayout.OUTER * Math.sin(a))));
        }
    }

    /** Faint marks at the initial angles, on the circle (fainter as they crowd). */
    private static void paintInitialMarks(Graphics2D g, CircleLayout layout, Snapshot s, CircleLayout.Plane plane) {
        int m = s.width();
        g.setStroke(new BasicStroke(1f));
        g.setPaint(Palette.withAlpha(Palette.FAINT, m > 1000 ? 0.15 : m > 200 ? 0.35 : 0.6));
        for (int j = 0; j < m; j++) {
            double a0 = plane.initialAngle(s, j);
            g.draw(new Line2D.Double(
                    layout.px(0.97 * Math.cos(a0)),
                    layout.py(0.97 * Math.sin(a0)),
                    layout.px(1.03 * Math.cos(a0)),
                    layout.py(1.03 * Math.sin(a0))));
        }
    }

    private static void paintLegend(
            Graphics2D g,
            double w,
            double h,
            Snapshot snap,
            CircleLayout.Plane plane,
            boolean density,
            boolean optimal,
            float k) {
        double y = h - 8 * k;
        double x = 10;
        boolean narrow = w < 480 * k;
        x = legendDot(g, x, y, k, Palette.POSITIVE_LIGHT, Palette.POSITIVE, narrow ? "+1" : "y = +1");
        x = legendDot(g, x, y, k, Palette.NEGATIVE_LIGHT, Palette.NEGATIVE, narrow ? "−1" : "y = −1");
        x = legendDot(g, x + 8, y, k, Palette.POSITIVE, Palette.POSITIVE, narrow ? "a > 0" : "neuron, a > 0");
        x = legendDot(g, x, y, k, Palette.NEGATIVE, Palette.NEGATIVE, narrow ? "a < 0" : "neuron, a < 0");
        if (optimal) {
            // The dashed spokes: the directions of the optimal network that attains γ_gl.
            g.setPaint(Palette.withAlpha(Palette.GLOBAL, 0.7));
            g.setStroke(
                    new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f));
            g.draw(new Line2D.Double(x + 4, y - 4 * k, x + 22 * k, y - 4 * k));
            g.setStroke(new BasicStroke(1f));
            g.setPaint(Palette.INK);
            String label = narrow ? "optimal net" : "optimal network (γ_gl)";
            g.drawString(label, (float) (x + 26 * k), (float) y);
            x += 32 * k + g.getFontMetrics().stringWidth(label);
        }
        g.setPaint(Palette.FAINT);
        String note = (density ? "bars: Σ |a|‖v‖ of the neurons per 2°" : "distance from circle ∝ |a|‖v‖")
                + (snap.dim() > 2 ? "  ·  " + plane.describe(snap) : "");
        if (x + g.getFontMetrics().stringWidth(note) < w - 4) {
            g.drawString(note, (float) x + 6, (float) y);
        } else {
            // Too narrow for one line: the note goes on the lines above, since the picture cannot be read without it.
            List<String> lines = TextLines.of(note, " ", g.getFontMetrics()::stringWidth, w - 14);
            int lh = g.getFontMetrics().getHeight();
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 10f, (float) (y - (lines.size() - i) * lh));
            }
        }
    }

    private static double legendDot(Graphics2D g, double x, double y, float k, Color fill, Color line, String text) {
        Ellipse2D dot = new Ellipse2D.Double(x, y - 8 * k, 8 * k, 8 * k);
        g.setPaint(fill);
        g.fill(dot);
        g.setPaint(line);
        g.draw(dot);
        g.setPaint(Palette.INK);
        g.drawString(text, (float) (x + 11 * k), (float) y);
        return x + 16 * k + g.getFontMetrics().stringWidth(text) + 6;
    }
}
