package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.claims.NearInitializationClaim;
import lowrot.core.claims.NeuralCollapseClaim;
import lowrot.core.claims.NoRotationClaim;
import lowrot.core.claims.ParityClaim;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.train.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The figures of the claims report, one or two per claim; every axis carries one unit. */
public final class ClaimCharts {
    private static final Font TITLE = ChartStyle.TITLE;
    private static final Font LABEL = ChartStyle.LABEL;

    private ClaimCharts() {}

    /** Near initialization: the tangent margin of W − W₀ against GF time, with γ_ntk (both in kernel units). */
    public static JFreeChart nearInitializationMargin(NearInitializationClaim.Result r) {
        XYSeries margin = new XYSeries("tangent margin of W − W₀", false, true);
        for (Metrics m : r.history()) {
            if (m.time() > 0 && Double.isFinite(m.marginDisplacement())) {
                margin.add(m.time(), m.marginDisplacement());
            }
        }
        XYPlot plot = plot(List.of(margin), List.of(Palette.INK), timeAxis(), new NumberAxis("margin (kernel units)"));
        plot.addRangeMarker(ChartSet.marker(
                r.ntk().value(),
                Palette.NTK,
                "γ_ntk = " + ChartSet.fmt(r.ntk().value()),
                RectangleAnchor.TOP_LEFT,
                TextAnchor.BOTTOM_LEFT));
        return chart("Near initialization: margin in kernel units", plot);
    }

    /**
     * Near initialization: (tangent margin of W − W₀) / γ_ntk against GF time at every width, with the ratio 1 the
     * paper speaks of and the ½ of the verdict's criterion (a ratio: no unit).
     */
    public static JFreeChart nearInitializationRatio(NearInitializationClaim.Result r) {
        List<XYSeries> lines = new ArrayList<>();
        List<Color> colours = List.of(Palette.NEGATIVE, Palette.INK, Palette.POSITIVE);
        for (NearInitializationClaim.Ratio ratio : r.ratios()) {
            XYSeries line = new XYSeries("m = " + ratio.width(), false, true);
            for (Metrics m : ratio.history()) {
                double value = m.marginDisplacement() / r.ntk().value();
                if (m.time() > 0 && Double.isFinite(value)) {
                    line.add(m.time(), value);
                }
            }
            lines.add(line);
        }
        XYPlot plot = plot(
                lines,
                colours.subList(0, lines.size()),
                timeAxis(),
                new NumberAxis("tangent margin of W − W₀ / γ_ntk"));
        plot.addRangeMarker(
                ChartSet.marker(1.0, Palette.NTK, "γ_ntk (ratio 1)", RectangleAnchor.TOP_LEFT, TextAnchor.BOTTOM_LEFT));
        plot.addRangeMarker(ChartSet.marker(
                0.5,
                Palette.FAINT,
                "criterion: ½ γ_ntk at τ = 1000",
                RectangleAnchor.BOTTOM_LEFT,
                TextAnchor.TOP_LEFT));
        return chart("Near initialization: the margin over γ_ntk, by width", plot);
    }

    /** Near initialization: mean, weighted and largest rotation against GF time. */
    public static JFreeChart nearInitializationRotation(NearInitializationClaim.Result r) {
        XYSeries mean = new XYSeries("mean rotation", false, true);
        XYSeries weighted = new XYSeries("|a|‖v‖-weighted rotation", false, true);
        XYSeries max = new XYSeries("largest rotation", false, true);
        for (Metrics m : r.history()) {
            if (m.time() > 0) {
                mean.add(m.time(), Math.toDegrees(m.rotationMean()));
                weighted.add(m.time(), Math.toDegrees(m.rotationWeighted()));
                max.add(m.time(), Math.toDegrees(m.rotationMax()));
            }
        }
        return chart(
                "Near initialization: rotation",
                plot(
                        List.of(mean, weighted, max),
                        List.of(Palette.INK, Palette.NEGATIVE, Palette.POSITIVE),
                        timeAxis(),
                        new NumberAxis("angle since initialization (°)")));
    }

    /** Neural collapse: mean test error against n for every (groups, d). */
    public static JFreeChart neuralCollapse(NeuralCollapseClaim.Result r) {
        List<XYSeries> lines = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (NeuralCollapseClaim.Setting s : r.settings()) {
            XYSeries line = new XYSeries("r = " + s.groups() + ", d = " + s.d(), false, true);
            for (int i = 0; i < NeuralCollapseClaim.SIZES.length; i++) {
                line.add(NeuralCollapseClaim.SIZES[i], s.meanError()[i]);
            }
            lines.add(line);
            colours.add(
                    s.groups() == NeuralCollapseClaim.GROUPS[0]
                            ? (s.d() == NeuralCollapseClaim.DIMS[0] ? Palette.NEGATIVE : Palette.NEGATIVE_LIGHT)
                            : (s.d() == NeuralCollapseClaim.DIMS[0] ? Palette.POSITIVE : Palette.POSITIVE_LIGHT));
        }
        LogAxis x = ChartStyle.log2Axis("training points n (log scale)");
        NumberAxis y = new NumberAxis("test error (mean over 3 seeds)");
        XYPlot plot = plot(lines, colours, x, y);
        for (int i = 1; i < lines.size(); i += 2) {
            // d = 32 dashed: where it equals d = 8 both stay visible.
            plot.getRenderer()
                    .setSeriesStroke(
                            i,
                            new BasicStroke(
                                    1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        }
        return chart("Neural collapse: test error against n", plot);
    }

    /** No rotation: γ_P over the no-rotation limit, and the limit over γ_gl, against the width (ratios). */
    public static JFreeChart noRotation(NoRotationClaim.Result r) {
        XYSeries early = new XYSeries("γ_P / limit after " + NoRotationClaim.STEPS / 10 + " steps", false, true);
        XYSeries end = new XYSeries("γ_P / limit after " + NoRotationClaim.STEPS + " steps", false, true);
        XYSeries limit = new XYSeries("no-rotation limit / γ_gl", false, true);
        for (NoRotationClaim.Point p : r.points()) {
            early.add(p.width(), p.earlyMarginPath() / p.limit().lower());
            end.add(p.width(), p.marginPath() / p.limit().lower());
            limit.add(p.width(), p.limit().lower() / r.global().upper());
        }
        NumberAxis y = new NumberAxis("ratio");
        y.setAutoRangeIncludesZero(false);
        return chart(
                "No rotation: margin, limit and γ_gl",
                plot(
                        List.of(early, end, limit),
                        List.of(Palette.NO_ROTATION_LIGHT, Palette.NO_ROTATION, Palette.GLOBAL),
                        ChartStyle.log2Axis("width m (log scale)"),
                        y));
    }

    /** Parity: samples needed against d for the quick plan's learners. */
    public static JFreeChart parity(ParityClaim.Result r) {
        double eps = r.plan().settings().epsilon();
        List<ComplexityAnalysis.Needed> needed = ComplexityAnalysis.needed(r.cells(), eps);
        return ComplexityCharts.needed(ComplexityAnalysis.points(needed), ComplexityAnalysis.exponents(needed), eps);
    }

    private static LogAxis timeAxis() {
        LogAxis x = new LogAxis("GF time τ (log scale)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new DecimalFormat("0.###"));
        x.setLabelFont(LABEL);
        return x;
    }

    private static XYPlot plot(
            List<XYSeries> lines, List<Color> colours, org.jfree.chart.axis.ValueAxis x, NumberAxis y) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, lines.get(0).getItemCount() < 40);
        for (int i = 0; i < lines.size(); i++) {
            data.addSeries(lines.get(i));
            r.setSeriesPaint(i, colours.get(i));
            r.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        y.setLabelFont(LABEL);
        return new XYPlot(data, x, y, r);
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        return ChartStyle.finish(new JFreeChart(title, TITLE, plot, true), plot);
    }
}
