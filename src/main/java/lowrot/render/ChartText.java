package lowrot.render;

import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;

/**
 * The sizes of a live chart's text, in points as Java 2D and JavaFX count them (one point per logical pixel):
 * the window's compact sizes, or the presentation sizes a projected lecture needs — nothing under 18 pt.
 *
 * @param title  chart title (bold)
 * @param label  axis labels
 * @param tick   tick labels
 * @param legend legend items, the labels of reference lines and the no-data message
 */
public record ChartText(float title, float label, float tick, float legend) {
    /**
     * The window's sizes, those the charts are built with: titles and axis labels as {@link ChartBuilder} makes
     * them (13, 11), ticks at JFreeChart's default (10), legends and line labels as the axis labels.
     */
    public static final ChartText WINDOW = new ChartText(
            ChartBuilder.TITLE_FONT.getSize2D(),
            ChartBuilder.LABEL_FONT.getSize2D(),
            org.jfree.chart.axis.Axis.DEFAULT_TICK_LABEL_FONT.getSize2D(),
            ChartBuilder.LABEL_FONT.getSize2D());

    /** Presentation mode: titles 24, axis labels 20, ticks, legends and line labels 18. */
    public static final ChartText PRESENTATION = new ChartText(24, 20, 18, 18);

    /**
     * Sets every text of the chart to these sizes — title, axis labels and ticks, legend items, marker labels,
     * the no-data message — keeping each font's face.
     */
    public void apply(JFreeChart chart) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(sized(chart.getTitle().getFont(), title));
        }
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i));
        }
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axis(plot.getDomainAxis(i));
        }
        for (Layer layer : List.of(Layer.FOREGROUND, Layer.BACKGROUND)) {
            markers(plot.getRangeMarkers(layer));
            markers(plot.getDomainMarkers(layer));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setItemFont(sized(legend.getItemFont(), this.legend));
            }
        }
        plot.setNoDataMessageFont(sized(plot.getNoDataMessageFont(), legend));
    }

    private void axis(ValueAxis axis) {
        if (axis != null) {
            axis.setLabelFont(sized(axis.getLabelFont(), label));
            axis.setTickLabelFont(sized(axis.getTickLabelFont(), tick));
        }
    }

    private void markers(java.util.Collection<?> markers) {
        if (markers != null) {
            for (Object m : markers) {
                Marker marker = (Marker) m;
                marker.setLabelFont(sized(marker.getLabelFont(), legend));
            }
        }
    }

    private static Font sized(Font f, float size) {
        return f.getSize2D() == size ? f : f.deriveFont(size);
    }
}
