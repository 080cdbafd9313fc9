package lowrot.render;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/** The look the experiment figures share: their fonts, base-2 log axes and white plots with the legend below. */
final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartStyle() {}

    /** A base-2 log axis with ticks at whole powers of 2 (8, 16, 32, …): fractional powers would print repeats. */
    static LogAxis log2Axis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(2);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new DecimalFormat("0"));
        axis.setMinorTickMarksVisible(true);
        axis.setLabelFont(LABEL);
        return axis;
    }

    /**
     * A log axis over a data set with no points yet shows [lo, hi] (powers of two that read as the experiment's
     * range) instead of JFreeChart's default [0, 1], whose base-2 ticks print as "0 0 0 0 0 0 1".
     */
    static void rangeWhenEmpty(LogAxis axis, org.jfree.data.xy.XYDataset data, double lo, double hi) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (data.getItemCount(s) > 0) {
                return;
            }
        }
        axis.setRange(lo, hi);
    }

    /** White plot with light grid lines, legend at the bottom in the label font. */
    static JFreeChart finish(JFreeChart chart, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(LABEL);
        return chart;
    }
}
