package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lowrot.core.data.DatasetKind;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.margin.TangentPoint;
import lowrot.core.train.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;

/**
 * The six charts of a run — normalized (path-norm) margin with its reference lines, the margin in kernel
 * units with its own, risk and error, rotation and motion, feature selection, and the spread of the rotation
 * over the neurons at the snapshot shown — built once and refilled in one batch per update (one repaint each). Quantities in different units never share an axis.
 * The GUI shows them live; the command line renders the same objects to PNG and SVG.
 */
public final class ChartSet {
    /** The chart panels. */
    public enum Panel {
        MARGIN("Normalized margin (path norm)"),
        KERNEL("Margin in kernel units"),
        RISK("Risk and error"),
        ROTATION("Rotation and motion"),
        FEATURES("Features"),
        SPREAD("Rotation per neuron");

        private final String title;

        Panel(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Panels per row wherever the charts are laid out together (window, composite figure). */
    public static final int COLUMNS = 3;

    private final Map<Panel, JFreeChart> charts = new EnumMap<>(Panel.class);
    private final XYSeries margin = ChartBuilder.series("margin");
    private final XYSeries tangent = ChartBuilder.series("tangent-kernel margin at t");
    private final XYSeries displacement = ChartBuilder.series("tangent margin of W − W₀");
    private final XYSeries risk = ChartBuilder.series("risk R");
    private final XYSeries trainError = ChartBuilder.series("train error");
    private final XYSeries testError = ChartBuilder.series("test error");
    private final XYSeries rotationMean = ChartBuilder.series("mean rotation (°)");
    private final XYSeries rotationMedian = ChartBuilder.series("median rotation (°)");
    private final XYSeries rotationMax = ChartBuilder.series("max rotation (°)");
    private final XYSeries motion = ChartBuilder.series("‖W − W₀‖/√m");
    private final XYSeries feature = ChartBuilder.series("feature share");
    private final XYSeries optimalAlignment = ChartBuilder.series(OPTIMAL_ALIGNMENT);
    private final XYSeries patterns = ChartBuilder.series("activation patterns changed");
    private final XYSeries zeroNeurons = ChartBuilder.series("zero neurons (no direction, left out of the angles)");
    private final XYSeries flippedNorms = ChartBuilder.series("norms b_j that changed sign");
    /** The features chart's name for {@link Metrics#optimalAlignment()}. */
    public static final String OPTIMAL_ALIGNMENT = "cosine to max-margin atom (weighted)";

    private ChartOptions options;
    private final PinnedCurves pinned;
    private final SpreadChart spread = new SpreadChart();

    /** A run kept on the charts as faint curves while others train: its label and metric rows. */
    public record Pin(String label, List<Metrics> rows) {
        public Pin {
            rows = List.copyOf(rows);
        }

        /** A pin labelled by what a user changes between runs: width, step size and regime. */
        public static Pin of(lowrot.core.model.Regime regime, int width, double stepSize, List<Metrics> rows) {
            return new Pin(PinnedCurves.describe(regime, width, stepSize), rows);
        }
    }

    /** Pins drawn at most (the newest). */
    public static final int MAX_PINS = PinnedCurves.MAX;

    /** Draws these pinned runs behind the live curves from the next {@link #update} on. */
    public void setPins(List<Pin> pins) {
        if (!pins.equals(pinned.pins())) {
            pinned.set(pins);
        }
    }

    public ChartSet(ChartOptions options) {
        this.options = options;
        charts.put(
                Panel.MARGIN,
                ChartBuilder.build(
                        Panel.MARGIN, "margin", ChartBuilder.collection(margin), null, new Color[] {Palette.MARGIN}));
        charts.put(
                Panel.KERNEL,
                ChartBuilder.build(
                        Panel.KERNEL,
                        "margin (ℓ₂ in parameters)",
                        ChartBuilder.collection(displacement, tangent),
                        null,
                        new Color[] {Palette.MARGIN, Palette.TANGENT}));
        charts.put(
                Panel.RISK,
                ChartBuilder.build(
                        Panel.RISK,
                        "risk (log)",
                        ChartBuilder.collection(risk),
                        ChartBuilder.collection(trainError, testError),
                        new Color[] {Palette.INK, Palette.POSITIVE, Palette.NEGATIVE}));
        charts.put(
                Panel.ROTATION,
                ChartBuilder.build(
                        Panel.ROTATION,
                        "angle since init (°)",
                        ChartBuilder.collection(rotationMean, rotationMedian, rotationMax),
                        ChartBuilder.collection(motion),
                        new Color[] {Palette.INK, Palette.FAINT, Palette.POSITIVE, Palette.NEGATIVE}));
        charts.put(
                Panel.FEATURES,
                ChartBuilder.build(
                        Panel.FEATURES,
                        "fraction",
                        ChartBuilder.collection(feature, optimalAlignment, patterns, zeroNeurons, flippedNorms),
                        null,
                        new Color[] {
                            Palette.POSITIVE, Palette.GLOBAL, Palette.NEGATIVE, Palette.FAINT, Palette.NO_ROTATION
                        }));
        // The time-series panels get the pins; the histogram, whose x axis is an angle, is added after them.
        pinned = new PinnedCurves(charts);
        charts.put(Panel.SPREAD, spread.chart());
        applyAxes();
    }

    public JFreeChart chart(Panel panel) {
        return charts.get(panel);
    }

    /**
     * The text a chart shows while it has no point to draw (not the margin chart, whose reference
     * lines and their labels sit where the text would).
     */
    public void setNoDataMessage(String text) {
        for (var e : charts.entrySet()) {
            if (e.getKey() != Panel.MARGIN) {
                e.getValue().getXYPlot().setNoDataMessage(text);
                e.getValue().getXYPlot().setNoDataMessagePaint(Palette.FAINT);
            }
        }
    }

    public ChartOptions options() {
        return options;
    }

    /** Changes the axes; the next {@link #update} redraws the data accordingly. */
    public void setOptions(ChartOptions value) {
        this.options = value;
        applyAxes();
    }

    /** Shows the spread of the rotation over the neurons (null: none yet) in the rotation-per-neuron panel. */
    public void setSpread(lowrot.core.train.RotationSpread value) {
        spread.show(value);
    }

    private void applyAxes() {
        for (var e : charts.entrySet()) {
            if (e.getKey() == Panel.SPREAD) {
                continue; // its x axis is the rotation angle
            }
            XYPlot plot = e.getValue().getXYPlot();
            ValueAxis x;
            if (options.logX()) {
                LogAxis log = ChartBuilder.logAxis(options.xAxis().label() + " (log)");
                log.setSmallestValue(1e-9);
                x = log;
            } else {
                x = new NumberAxis(options.xAxis().label());
            }
            x.setLabelFont(ChartBuilder.LABEL_FONT);
            plot.setDomainAxis(x);
        }
        applyText();
        ((NumberAxis) chart(Panel.MARGIN).getXYPlot().getRangeAxis())
                .setLabel(options.marginUnit().label());
        margin.setKey(
                options.marginUnit() == ChartOptions.MarginUnit.PATH ? "γ_P of the network" : "γ_F of the network");
    }

    /**
     * Refills every chart from the run's history. Non-finite values are never drawn (and, with a
     * log x axis, neither are points at x ≤ 0).
     */
    public void update(
            List<Metrics> points,
            List<TangentPoint> tangentPoints,
            ReferenceMargins refs,
            boolean outerTrainable,
            DatasetKind kind) {
        for (var e : charts.entrySet()) {
            if (e.getKey() != Panel.SPREAD) {
                e.getValue().setNotify(false);
            }
        }
        try {
            for (XYSeries s : allSeries()) {
                s.clear();
            }
            boolean frobenius = options.marginUnit() == ChartOptions.MarginUnit.FROBENIUS;
            boolean parity = kind == DatasetKind.PARITY;
            featureLegend(points, kind);
            double marginMin = Double.POSITIVE_INFINITY;
            double marginMax = Double.NEGATIVE_INFINITY;
            double kernelMin = Double.POSITIVE_INFINITY;
            double kernelMax = Double.NEGATIVE_INFINITY;
            double xMin = Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            for (Metrics m : points) {
                double x = x(m.step(), m.time());
                if (!Double.isFinite(x)) {
                    continue;
                }
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                double g = frobenius ? m.marginFrobenius() : m.marginPath();
                if (add(margin, x, g)) {
                    marginMin = Math.min(marginMin, g);
                    marginMax = Math.max(marginMax, g);
                }
                if (m.risk() > 0) {
                    add(risk, x, m.risk());
                }
                add(trainError, x, m.trainError());
                add(testError, x, m.testError());
                add(rotationMean, x, Math.toDegrees(m.rotationMean()));
                add(rotationMedian, x, Math.toDegrees(m.rotationMedian()));
                add(rotationMax, x, Math.toDegrees(m.rotationMax()));
                add(motion, x, m.motionPerSqrtM());
                add(feature, x, parity ? m.featureShare() : m.centreAlignment());
                add(optimalAlignment, x, m.optimalAlignment());
                add(patterns, x, m.patternsChanged());
                if (m.zeroNeurons() > 0) {
                    add(zeroNeurons, x, m.zeroNeurons());
                }
                add(flippedNorms, x, m.flippedNorms());
                if (add(displacement, x, m.marginDisplacement())) {
                    kernelMin = Math.min(kernelMin, m.marginDisplacement());
                    kernelMax = Math.max(kernelMax, m.marginDisplacement());
                }
            }
            for (TangentPoint t : tangentPoints) {
                if (add(tangent, x(t.step(), t.time()), t.value())) {
                    kernelMin = Math.min(kernelMin, t.value());
                    kernelMax = Math.max(kernelMax, t.value());
                }
            }
            double[] pinRange = pinned.fill((step, time) -> x(step, time), frobenius);
            marginMin = Math.min(marginMin, pinRange[0]);
            marginMax = Math.max(marginMax, pinRange[1]);
            kernelMin = Math.min(kernelMin, pinRange[2]);
            kernelMax = Math.max(kernelMax, pinRange[3]);
            marginMax = Math.max(
                    marginMax,
                    ReferenceLines.pathNorm(
                            chart(Panel.MARGIN).getXYPlot(), refs, frobenius, outerTrainable, xMin, xMax));
            kernelMax = Math.max(
                    kernelMax, ReferenceLines.kernel(chart(Panel.KERNEL).getXYPlot(), refs, xMin, xMax));
            range(Panel.MARGIN, marginMin, marginMax);
            range(Panel.KERNEL, kernelMin, kernelMax);
        } finally {
            fireChanged();
        }
    }

    /** The features chart's legend: what its first series measures, and the fractions that have something to read. */
    private void featureLegend(List<Metrics> points, DatasetKind kind) {
        boolean parity = kind == DatasetKind.PARITY;
        feature.setKey(parity ? "share of ‖v‖² on x₁, x₂ (weighted)" : "cosine to group centre (weighted)");
        var featureRenderer = chart(Panel.FEATURES).getXYPlot().getRenderer(0);
        featureRenderer.setSeriesVisibleInLegend(0, parity || kind == DatasetKind.NEURAL_COLLAPSE);
        // The alignment, zero neurons and flipped norms appear in the legend only where there is something to read.
        featureRenderer.setSeriesVisibleInLegend(
                1, points.stream().anyMatch(m -> Metrics.applies(m.optimalAlignment())));
        featureRenderer.setSeriesVisibleInLegend(3, points.stream().anyMatch(m -> m.zeroNeurons() > 0));
        featureRenderer.setSeriesVisibleInLegend(4, points.stream().anyMatch(m -> Metrics.applies(m.flippedNorms())));
    }

    /** Every chart's text at the options' sizes (reference lines are drawn anew each update, so after each). */
    private void applyText() {
        for (JFreeChart chart : charts.values()) {
            options.text().apply(chart);
        }
    }

    /** Points were added silently; one change event per series lets the axes re-range, then the charts redraw. */
    private void fireChanged() {
        applyText();
        for (XYSeries s : allSeries()) {
            s.fireSeriesChanged();
        }
        pinned.fireChanged();
        for (var e : charts.entrySet()) {
            if (e.getKey() != Panel.SPREAD) {
                e.getValue().setNotify(true);
            }
        }
    }

    private double x(long step, double time) {
        double x = options.xAxis() == ChartOptions.XAxis.TIME ? time : step;
        return options.logX() && !(x > 0) ? Double.NaN : x;
    }

    private static boolean add(XYSeries s, double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            s.add(x, y, false);
            return true;
        }
        return false;
    }

    /** From 0 (or the lowest value, if negative) to a little above the highest value or line. */
    private void range(Panel panel, double min, double max) {
        NumberAxis axis = (NumberAxis) chart(panel).getXYPlot().getRangeAxis();
        if (max > 0 && Double.isFinite(max)) {
            double top = 1.15 * max;
            double bottom = Math.max(Math.min(0, min), -top);
            axis.setRange(bottom - 0.02 * top, top);
        } else {
            axis.setAutoRange(true);
        }
    }

    private List<XYSeries> allSeries() {
        return List.of(
                margin,
                tangent,
                displacement,
                risk,
                trainError,
                testError,
                rotationMean,
                rotationMedian,
                rotationMax,
                motion,
                feature,
                optimalAlignment,
                patterns,
                zeroNeurons,
                flippedNorms);
    }

    /** A dashed, labelled reference line in the given colour. */
    static ValueMarker marker(double value, Color color, String label, RectangleAnchor anchor, TextAnchor text) {
        ValueMarker m = new ValueMarker(
                value,
                color,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(ChartBuilder.LABEL_FONT);
        m.setLabelPaint(color.darker());
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(text);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 4));
        return m;
    }

    /** Four significant digits. */
    public static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return String.format("%.4g", v);
    }
}
