package lowrot.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.function.Consumer;
import lowrot.core.model.RunConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * How exported charts look in a paper or on a lecture slide: every text at least 12 pt at 1× (titles 16, axis
 * labels 13, ticks and legends 12), and a caption line under the figure naming the run — regime, data set, m, d,
 * η and step — so an exported PNG or SVG says what it shows.
 */
public final class ExportStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Height of the caption line, in pixels at 1×. */
    public static final int CAPTION_HEIGHT = 22;

    private ExportStyle() {}

    /** Sets the chart's fonts to the export sizes (the chart is changed: use a copy the window does not show). */
    public static void apply(JFreeChart chart) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            style(plot.getRangeAxis(i));
        }
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            style(plot.getDomainAxis(i));
        }
        for (Object m : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null
                ? java.util.List.of()
                : plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            ((org.jfree.chart.plot.Marker) m).setLabelFont(TICK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setItemFont(TICK);
            }
        }
    }

    private static void style(ValueAxis axis) {
        if (axis != null) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
        }
    }

    /** The caption of a run at a step: "near initialization · quadrants (continuous XOR) · m = 4096 · d = 2 · …". */
    public static String caption(RunConfig rc, int d, double stepSize, long step, double time) {
        String eta = stepSize(stepSize);
        return String.format(
                "%s · %s · m = %d · d = %d · η = %s · step %,d · τ = %s",
                rc.training().regime().label(),
                rc.dataset().kind().label(),
                rc.network().width(),
                d,
                eta,
                step,
                ChartSet.fmt(time));
    }

    /** A step size as a reader writes it: at most four significant digits, no trailing zeros (0.5, 0.001). */
    static String stepSize(double eta) {
        return new java.math.BigDecimal(eta)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A painter of a w × h figure: the given painter in the top w × (h − {@link #CAPTION_HEIGHT}), the caption
     * line under it.
     */
    public static Consumer<Graphics2D> captioned(
            java.util.function.BiFunction<Integer, Integer, Consumer<Graphics2D>> figure,
            String caption,
            int w,
            int h) {
        int figureH = h - CAPTION_HEIGHT;
        Consumer<Graphics2D> inner = figure.apply(w, figureH);
        return g -> {
            g.setPaint(Palette.BACKGROUND);
            g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
            AffineTransform saved = g.getTransform();
            inner.accept(g);
            g.setTransform(saved);
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Palette.INK);
            g.setFont(CAPTION);
            var fm = g.getFontMetrics();
            String text = caption;
            while (fm.stringWidth(text) > w - 16 && text.contains(" · ")) {
                text = text.substring(0, text.lastIndexOf(" · "));
            }
            g.drawString(text, 8f, (float) (figureH + (CAPTION_HEIGHT + fm.getAscent() - fm.getDescent()) / 2.0));
        };
    }
}
