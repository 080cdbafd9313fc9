package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How a {@link ChartSet} panel is built once: its plot, renderers, axes (a log axis with decade ticks for risk, a
 * right-hand axis for a second unit), fonts and legend. The data are refilled later by {@link ChartSet#update}.
 */
final class ChartBuilder {
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartBuilder() {}

    static XYSeries series(String key) {
        return new XYSeries(key, false, true);
    }

    static XYSeriesCollection collection(XYSeries... s) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries x : s) {
            c.addSeries(x);
        }
        return c;
    }

    /** A panel with its series on the left axis and, when given, a second unit on the right axis. */
    static JFreeChart build(
            ChartSet.Panel panel, String yLabel, XYSeriesCollection left, XYSeriesCollection right, Color[] colors) {
        XYPlot plot = new XYPlot();
        plot.setDataset(0, left);
        XYLineAndShapeRenderer r0 = new XYLineAndShapeRenderer(true, false);
        int c = 0;
        for (int s = 0; s < left.getSeriesCount(); s++) {
            r0.setSeriesPaint(s, colors[c++]);
            r0.setSeriesStroke(s, new BasicStroke(s == 0 ? 2.0f : 1.5f));
        }
        if (panel == ChartSet.Panel.KERNEL) {
            // The tangent-kernel margin is computed now and then: show its points, not just a line.
            r0.setSeriesShapesVisible(1, true);
            r0.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        plot.setRenderer(0, r0);
        NumberAxis y0 = panel == ChartSet.Panel.RISK ? null : new NumberAxis(yLabel);
        ValueAxis leftAxis = panel == ChartSet.Panel.RISK ? logAxis(yLabel) : y0;
        leftAxis.setLabelFont(LABEL_FONT);
        plot.setRangeAxis(0, leftAxis);
        if (right != null) {
            plot.setDataset(1, right);
            XYLineAndShapeRenderer r1 = new XYLineAndShapeRenderer(true, false);
            for (int s = 0; s < right.getSeriesCount(); s++) {
                r1.setSeriesPaint(s, colors[c++]);
                r1.setSeriesStroke(
                        s,
                        new BasicStroke(
                                1.5f,
                                BasicStroke.CAP_ROUND,
                                BasicStroke.JOIN_ROUND,
                                1f,
                                panel == ChartSet.Panel.RISK ? null : new float[] {5f, 3f},
                                0f));
            }
            plot.setRenderer(1, r1);
            NumberAxis y1 = new NumberAxis(panel == ChartSet.Panel.RISK ? "error" : "‖W − W₀‖/√m");
            y1.setLabelFont(LABEL_FONT);
            if (panel == ChartSet.Panel.RISK) {
                y1.setRange(0, 1);
            } else {
                y1.setAutoRangeIncludesZero(true);
                y1.setAutoRangeMinimumSize(0.01);
            }
            plot.setRangeAxis(1, y1);
            plot.mapDatasetToRangeAxis(1, 1);
        }
        if (panel == ChartSet.Panel.FEATURES && y0 != null) {
            y0.setRange(0, 1.02);
        }
        if (panel == ChartSet.Panel.ROTATION && y0 != null) {
            // All-zero rotations (the no-rotation regime) must read as 0°, not as a ±1e−9 zoom.
            y0.setAutoRangeIncludesZero(true);
            y0.setAutoRangeMinimumSize(1.0);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        JFreeChart chart = new JFreeChart(panel.title(), TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL_FONT);
        return chart;
    }

    static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(1e-300);
        axis.setBase(10);
        // Log-space tick units: decades when the range is wide, 10^0.1-steps when it is narrow.
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new LogTickFormat(axis));
        return axis;
    }
}
