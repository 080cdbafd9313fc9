package lowrot.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders figures off screen: a painter (any Java2D drawing of a w × h area) to a bitmap at a
 * scale factor (2 for HiDPI) or to SVG text. Also lays out the composite figure of all panels.
 */
public final class Figures {
    private Figures() {}

    /** A w·scale × h·scale bitmap of the painter's w × h drawing. */
    public static BufferedImage bitmap(int w, int h, double scale, Consumer<Graphics2D> painter) {
        int pw = (int) Math.round(w * scale);
        int ph = (int) Math.round(h * scale);
        BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The painter's w × h drawing as an SVG document. */
    public static String svg(int w, int h, Consumer<Graphics2D> painter) {
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        painter.accept(g);
        return g.getSVGDocument();
    }

    /** A painter for a chart. */
    public static Consumer<Graphics2D> chart(JFreeChart chart, int w, int h) {
        return g -> LegendFit.draw(chart, g, new Rectangle2D.Double(0, 0, w, h));
    }

    /** A painter for the circle view. */
    public static Consumer<Graphics2D> circle(CircleScene scene, int w, int h) {
        return g -> CircleRenderer.paint(g, w, h, scene);
    }

    /**
     * The composite figure: the circle view on the left (a square of height h), the charts in a
     * grid of ChartSet.COLUMNS columns on the right. Returns the painter; the figure is
     * (h + COLUMNS·cellW) × h.
     */
    public static Consumer<Graphics2D> composite(CircleScene scene, ChartSet charts, int h) {
        int cellW = (int) Math.round(h * 0.75);
        int cellH = h / 2;
        return g -> {
            g.setPaint(Palette.BACKGROUND);
            g.fill(new Rectangle2D.Double(0, 0, compositeWidth(h), h));
            CircleRenderer.paint(g, h, h, scene);
            ChartSet.Panel[] panels = ChartSet.Panel.values();
            for (int p = 0; p < panels.length; p++) {
                int x = h + (p % ChartSet.COLUMNS) * cellW;
                int y = (p / ChartSet.COLUMNS) * cellH;
                LegendFit.draw(charts.chart(panels[p]), g, new Rectangle2D.Double(x, y, cellW, cellH));
            }
        };
    }

    /** Width of the composite figure of height h. */
    public static int compositeWidth(int h) {
        return h + ChartSet.COLUMNS * (int) Math.round(h * 0.75);
    }
}
