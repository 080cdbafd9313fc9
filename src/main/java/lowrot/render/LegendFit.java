package lowrot.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.XYSeriesLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYDataset;

/**
 * Draws a chart with every legend label broken into lines that fit the chart's width. JFreeChart lays a legend
 * item out on one line and lets a long one run past the chart's edge, where it is cut off ("cosine to nearest
 * group centre (weighted)" in a 200-pixel chart); here a label wider than the room left beside its symbol is
 * broken at spaces (a LabelBlock draws one line per '\n'). Every chart the window, the exports and the CLI draw
 * goes through {@link #draw}.
 */
public final class LegendFit {
    /** Room a legend item needs beside its text: the symbol, the paddings and the legend's own frame, in points. */
    static final double ITEM_OVERHEAD = 36;

    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private LegendFit() {}

    /** Draws the chart into the area with its legend labels fitted to the area's width. */
    public static void draw(JFreeChart chart, Graphics2D g, Rectangle2D area) {
        draw(chart, g, area, null);
    }

    /** The same, recording what was drawn where in {@code info} (may be null). */
    public static void draw(JFreeChart chart, Graphics2D g, Rectangle2D area, org.jfree.chart.ChartRenderingInfo info) {
        fit(chart, area.getWidth());
        chart.draw(g, area, info);
    }

    /** Makes every legend label of the chart's renderers fit a chart {@code width} points wide. */
    public static void fit(JFreeChart chart, double width) {
        LegendTitle legend = chart.getLegend();
        if (legend == null || !(chart.getPlot() instanceof XYPlot plot)) {
            return;
        }
        double room = Math.max(40, width - ITEM_OVERHEAD);
        for (int i = 0; i < plot.getRendererCount(); i++) {
            XYItemRenderer r = plot.getRenderer(i);
            if (r == null) {
                continue;
            }
            Wrapping w = r.getLegendItemLabelGenerator() instanceof Wrapping existing
                    ? existing
                    : new Wrapping(r.getLegendItemLabelGenerator());
            w.font = legend.getItemFont();
            w.room = room;
            r.setLegendItemLabelGenerator(w);
        }
    }

    /** The label broken at spaces into lines no wider than {@code room} in this font (a longer word stays whole). */
    static String wrap(String label, Font font, double room) {
        if (label == null || width(label, font) <= room) {
            return label;
        }
        return String.join("\n", TextLines.of(label, " ", text -> width(text, font), room));
    }

    static double width(String text, Font font) {
        return font.getStringBounds(text, MEASURE).getWidth();
    }

    /** A renderer's label generator whose labels are wrapped to the room of the last {@link #fit}. */
    private static final class Wrapping implements XYSeriesLabelGenerator, java.io.Serializable {
        private final XYSeriesLabelGenerator inner;
        private Font font;
        private double room;

        Wrapping(XYSeriesLabelGenerator inner) {
            this.inner = inner;
        }

        @Override
        public String generateLabel(XYDataset dataset, int series) {
            return wrap(inner.generateLabel(dataset, series), font, room);
        }
    }
}
