package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lowrot.core.experiment.Laziness;
import lowrot.core.experiment.WidthSweep;
import lowrot.core.margin.ReferenceMargins;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Charts of a width sweep against m (log axis), with error bars of ± one standard deviation over seeds. */
public final class SweepCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private SweepCharts() {}

    /** One series of summaries, with its legend name and colour. */
    public record Line(String name, List<WidthSweep.Summary> points, Color color) {}

    /**
     * A chart of the given lines against the width m; {@code refs} adds the γ_gl line if not null (γ_ntk is in kernel
     * units and never shares this path-norm axis).
     */
    public static JFreeChart chart(String title, String yLabel, List<Line> lines, ReferenceMargins refs, boolean logY) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int s = 0; s < lines.size(); s++) {
            Line line = lines.get(s);
            YIntervalSeries series = new YIntervalSeries(line.name());
            for (WidthSweep.Summary p : line.points()) {
                if (Double.isFinite(p.mean()) && (!logY || p.mean() > 0)) {
                    double lo = logY ? Math.max(p.mean() - p.sd(), p.mean() * 1e-3) : p.mean() - p.sd();
                    series.add(p.width(), p.mean(), lo, p.mean() + p.sd());
                }
            }
            data.addSeries(series);
            renderer.setSeriesPaint(s, line.color());
            renderer.setSeriesStroke(s, new BasicStroke(1.8f));
        }
        renderer.setErrorPaint(Palette.FAINT);
        LogAxis x = new LogAxis("width m (log)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        x.setLabelFont(LABEL);
        ChartStyle.rangeWhenEmpty(x, data, 4, 32768);
        org.jfree.chart.axis.ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel + " (log)");
            // Ticks at whole powers of 2: fractional powers of 10 would print values such as 39.811.
            log.setBase(2);
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            ChartStyle.rangeWhenEmpty(log, data, 1.0 / 64, 64);
            y = log;
        } else {
            y = new NumberAxis(yLabel);
        }
        y.setLabelFont(LABEL);
        if (y instanceof NumberAxis na) {
            na.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        if (refs != null) {
            // Reference lines do not take part in auto-ranging: make room for them.
            double top = 0;
            for (Line line : lines) {
                for (WidthSweep.Summary p : line.points()) {
                    top = Math.max(top, p.mean() + p.sd());
                }
            }
            top = Math.max(top, refs.global() == null ? 0 : refs.global().lower());
            if (y instanceof NumberAxis na && top > 0 && Double.isFinite(top)) {
                na.setAutoRange(false);
                double bottom = 0;
                for (Line line : lines) {
                    for (WidthSweep.Summary p : line.points()) {
                        bottom = Math.min(bottom, p.mean() - p.sd());
                    }
                }
                na.setRange(bottom, 1.12 * top);
            }
            if (refs.global() != null) {
                plot.addRangeMarker(ChartSet.marker(
                        refs.global().lower(),
                        Palette.GLOBAL,
                        "γ_gl = " + ChartSet.fmt(refs.global().lower()),
                        RectangleAnchor.TOP_RIGHT,
                        TextAnchor.BOTTOM_RIGHT));
            }
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL);
        return chart;
    }

    /**
     * One {@link Laziness.Measure} against the width on log–log axes: per-width mean ± sd over seeds, the fitted
     * power law (legend: exponent and interval) and a dashed m^−½ guide through the first width's mean.
     */
    public static JFreeChart laziness(List<WidthSweep.Point> points, Laziness.Measure measure, Color color) {
        List<WidthSweep.Summary> summary = WidthSweep.summarise(points, measure::of);
        JFreeChart chart = chart(
                measure.label() + " against width",
                measure.label() + " (" + measure.unit() + ")",
                List.of(new Line(measure.label() + " (mean ± sd)", summary, color)),
                null,
                true);
        XYPlot plot = chart.getXYPlot();
        org.jfree.data.xy.XYSeriesCollection lines = new org.jfree.data.xy.XYSeriesCollection();
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        Laziness.Exponent e = Laziness.exponent(points, measure);
        WidthSweep.Summary first =
                summary.stream().filter(p -> p.mean() > 0).findFirst().orElse(null);
        if (e != null && first != null) {
            double lo = summary.get(0).width();
            double hi = summary.get(summary.size() - 1).width();
            org.jfree.data.xy.XYSeries fit = new org.jfree.data.xy.XYSeries(
                    String.format(
                            java.util.Locale.ROOT,
                            "fit m^%.2f [%.2f, %.2f]",
                            e.fit().slope(),
                            e.fit().lower95(),
                            e.fit().upper95()),
                    false,
                    true);
            org.jfree.data.xy.XYSeries guide =
                    new org.jfree.data.xy.XYSeries("guide ∝ m^−½ (kernel regime)", false, true);
            for (int k = 0; k <= 20; k++) {
                double m = lo * Math.pow(hi / lo, k / 20.0);
                fit.add(m, e.fit().at(m));
                guide.add(m, first.mean() * Math.pow(m / first.width(), Laziness.PREDICTED));
            }
            lines.addSeries(fit);
            lines.addSeries(guide);
            r.setSeriesPaint(0, color);
            r.setSeriesStroke(0, new BasicStroke(1.2f));
            r.setSeriesPaint(1, Palette.FAINT);
            r.setSeriesStroke(
                    1,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            plot.setDataset(1, lines);
            plot.setRenderer(1, r);
        }
        return chart;
    }
}
