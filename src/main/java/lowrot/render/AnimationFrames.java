package lowrot.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.Regime;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;

/**
 * The frames of an animation, drawn by the same renderers as the window and the PNG export: the circle view with
 * trails, the optimal network's spokes and the caption (τ), and optionally the margin chart beside it, its curve
 * growing up to the frame's τ. One instance per animation: it keeps the trails and the chart's points.
 */
public final class AnimationFrames {
    private final int width;
    private final int height;
    private final boolean chart;
    private final Dataset data;
    private final Regime regime;
    private final GlobalMarginResult optimal;
    private final ReferenceMargins refs;
    private final boolean outerTrainable;
    private final DatasetKind kind;
    private final CircleScene.Options options;
    private final ChartSet charts = new ChartSet(ChartOptions.defaults());
    private final List<Metrics> points = new ArrayList<>();
    private Trails trails;
    private double firstTime = Double.NaN;
    private double lastTime = Double.NaN;

    /**
     * Fixes the chart's time axis to [first, last] (the animation's schedule), so that the curve grows from left to
     * right under still axes and a cursor marks each frame's τ.
     */
    public void timeRange(double first, double last) {
        this.firstTime = first;
        this.lastTime = last;
    }

    /**
     * @param width     frame width in pixels
     * @param height    frame height in pixels
     * @param chart     whether the margin chart stands beside the circle (which then takes the left h × h square)
     * @param refs      reference margins for the chart and the optimal network's spokes (may be {@link
     *                  ReferenceMargins#NONE})
     * @param data      the training set drawn in the circle
     * @param regime    the regime named in the caption
     * @param outerTrainable whether the outer layer trains (the chart's Frobenius view needs it)
     */
    public AnimationFrames(
            int width,
            int height,
            boolean chart,
            Dataset data,
            Regime regime,
            ReferenceMargins refs,
            boolean outerTrainable) {
        this.width = width;
        this.height = height;
        this.chart = chart;
        this.data = data;
        this.regime = regime;
        this.refs = refs;
        this.optimal = refs.global();
        this.outerTrainable = outerTrainable;
        this.kind = data.kind();
        this.options = CircleScene.Options.defaults().withOptimal(optimal != null);
    }

    /** The next frame (frames must come in time order). */
    public BufferedImage frame(Snapshot s) {
        if (trails == null) {
            trails = new Trails(s.width(), 24);
        }
        trails.add(s, options.plane());
        points.add(s.metrics());
        CircleScene scene = new CircleScene(s, data, trails, null, optimal, options, CircleRenderer.caption(regime, s));
        int side = chart ? Math.min(height, width / 2) : Math.min(width, height);
        if (chart) {
            charts.update(points, List.of(), refs, outerTrainable, kind);
            org.jfree.chart.plot.XYPlot plot =
                    charts.chart(ChartSet.Panel.MARGIN).getXYPlot();
            if (lastTime > firstTime && firstTime > 0) {
                plot.getDomainAxis().setRange(firstTime, lastTime);
                plot.clearDomainMarkers();
                plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(
                        Math.max(firstTime, s.time()), Palette.FAINT, new java.awt.BasicStroke(1f)));
            }
        }
        BufferedImage image = Figures.bitmap(width, height, 1, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            AffineTransform at = g.getTransform();
            g.translate(chart ? 0 : (width - side) / 2.0, (height - side) / 2.0);
            CircleRenderer.paint(g, side, side, scene);
            g.setTransform(at);
            if (chart) {
                Graphics2D c = (Graphics2D) g.create(side, 0, width - side, height);
                try {
                    Figures.chart(charts.chart(ChartSet.Panel.MARGIN), width - side, height)
                            .accept(c);
                } finally {
                    c.dispose();
                }
            }
        });
        // Opaque RGB: what video and GIF encoders take.
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
