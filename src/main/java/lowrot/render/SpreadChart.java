package lowrot.render;

import java.awt.Color;
import lowrot.core.train.RotationSpread;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The rotation-per-neuron panel of a {@link ChartSet}: the histogram of {@link RotationSpread} at the snapshot shown,
 * as bars side by side — the share of neurons and the share of the weight |a_j|‖v_j‖ in each bin of rotation since
 * initialization. Its x axis is an angle, not time, so the chart set's time axes leave it alone.
 */
final class SpreadChart {
    private final XYSeries neurons = ChartBuilder.series("share of neurons");
    private final XYSeries weight = ChartBuilder.series("share of |a_j|‖v_j‖");
    private final XYSeriesCollection data = ChartBuilder.collection(neurons, weight);
    private final JFreeChart chart;

    SpreadChart() {
        XYPlot plot = new XYPlot();
        plot.setDataset(data);
        ClusteredXYBarRenderer bars = new ClusteredXYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Palette.INK);
        bars.setSeriesPaint(1, Palette.POSITIVE);
        bars.setDrawBarOutline(false);
        plot.setRenderer(bars);
        NumberAxis x = new NumberAxis("rotation since init (°)");
        x.setLabelFont(ChartBuilder.LABEL_FONT);
        x.setRange(0, 1);
        plot.setDomainAxis(x);
        NumberAxis y = new NumberAxis("share");
        y.setLabelFont(ChartBuilder.LABEL_FONT);
        y.setRange(0, 1.05);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        chart = new JFreeChart(ChartSet.Panel.SPREAD.title(), ChartBuilder.TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(ChartBuilder.LABEL_FONT);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows this spread (null: no snapshot, an empty chart); the x axis spans [0, top]. */
    void show(RotationSpread spread) {
        chart.setNotify(false);
        try {
            neurons.clear();
            weight.clear();
            XYPlot plot = chart.getXYPlot();
            if (spread == null || spread.counted() == 0) {
                return;
            }
            double w = spread.binWidth();
            data.setIntervalWidth(w);
            double highest = 0;
            for (int i = 0; i < RotationSpread.BINS; i++) {
                double centre = (i + 0.5) * w;
                neurons.add(centre, spread.neurons(i), false);
                highest = Math.max(highest, spread.neurons(i));
                if (Double.isFinite(spread.weight(i))) {
                    weight.add(centre, spread.weight(i), false);
                    highest = Math.max(highest, spread.weight(i));
                }
            }
            plot.getDomainAxis().setRange(0, spread.top());
            plot.getRangeAxis().setRange(0, Math.min(1.05, Math.max(0.05, 1.15 * highest)));
        } finally {
            neurons.fireSeriesChanged();
            weight.fireSeriesChanged();
            chart.setNotify(true);
        }
    }
}
