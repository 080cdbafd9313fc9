package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lowrot.core.WidthSweep;
import lowrot.core.ReferenceMargins;
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

    private SweepCharts() {
    }

    /** One series of summaries, with its legend name and colour. */
    public record Line(String name, List<WidthSweep.Summary> points, Color color) {
    }

    /** A chart of the given lines against the width m; {@code refs} adds γ_ntk and γ_gl lines if not null. */
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
        org.jfree.chart.axis.ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel + " (log)");
            log.setStandardTickUnits(NumberAxis.createStandardTickUnits());
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
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
            top = Math.max(top, refs.ntk() == null ? 0 : refs.ntk().value());
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
                plot.addRangeMarker(ChartSet.marker(refs.global().lower(), Palette.GLOBAL, "γ_gl = " + ChartSet.fmt(
                        refs.global().lower()), RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT));
            }
            if (refs.ntk() != null) {
                plot.addRangeMarker(ChartSet.marker(refs.ntk().value(), Palette.NTK, "γ_ntk = " + ChartSet.fmt(refs.ntk().value())
                        + " (kernel units)", RectangleAnchor.TOP_LEFT, TextAnchor.BOTTOM_LEFT));
            }
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL);
        return chart;
    }
}
