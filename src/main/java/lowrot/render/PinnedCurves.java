package lowrot.render;

import java.awt.BasicStroke;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import lowrot.core.train.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Pinned runs drawn as faint dashed "ghost" curves behind the live ones, one per pin on every chart (the panel's
 * main quantity, on its left axis), each named in the legend by the pin's label — so "what changed when I doubled
 * m?" is answered by looking. Owned by one {@link ChartSet}.
 */
final class PinnedCurves {
    /** Pins drawn at most; the oldest goes first. */
    static final int MAX = 5;

    private static final int DATASET = 2;
    private static final float[][] DASHES = {{6f, 3f}, {2f, 3f}, {9f, 3f, 2f, 3f}, {4f, 4f}, {1f, 2f}};

    /** A violet no live curve uses, drawn half transparent. */
    private static final java.awt.Color GHOST = new java.awt.Color(0x6A, 0x3D, 0x9A);

    private final Map<ChartSet.Panel, XYSeriesCollection> sets = new EnumMap<>(ChartSet.Panel.class);
    private List<ChartSet.Pin> pins = List.of();

    PinnedCurves(Map<ChartSet.Panel, JFreeChart> charts) {
        for (var e : charts.entrySet()) {
            XYSeriesCollection c = new XYSeriesCollection();
            sets.put(e.getKey(), c);
            XYPlot plot = e.getValue().getXYPlot();
            plot.setDataset(DATASET, c);
            plot.mapDatasetToRangeAxis(DATASET, 0);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            for (int s = 0; s < MAX; s++) {
                r.setSeriesPaint(s, Palette.withAlpha(GHOST, 0.5));
                r.setSeriesStroke(
                        s, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, DASHES[s], 0f));
            }
            plot.setRenderer(DATASET, r);
        }
    }

    /** The pins to draw (the newest MAX of them). */
    void set(List<ChartSet.Pin> value) {
        pins = List.copyOf(value.subList(Math.max(0, value.size() - MAX), value.size()));
        for (XYSeriesCollection c : sets.values()) {
            c.removeAllSeries();
            for (ChartSet.Pin p : pins) {
                c.addSeries(new XYSeries("pin: " + p.label(), false, true));
            }
        }
    }

    List<ChartSet.Pin> pins() {
        return pins;
    }

    /**
     * Refills the ghost curves at the chart's x (x of step and τ; NaN skips a point). Returns the range of the
     * pinned margins {min, max} on the margin panel and on the kernel panel, so the axes include them.
     */
    double[] fill(ToDoubleBiFunction<Long, Double> x, boolean frobenius) {
        double[] range = {
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (int p = 0; p < pins.size(); p++) {
            for (ChartSet.Panel panel : sets.keySet()) {
                XYSeries s = sets.get(panel).getSeries(p);
                s.clear();
                for (Metrics m : pins.get(p).rows()) {
                    double xv = x.applyAsDouble(m.step(), m.time());
                    double y = value(panel, m, frobenius);
                    if (Double.isFinite(xv) && Double.isFinite(y) && (panel != ChartSet.Panel.RISK || y > 0)) {
                        s.add(xv, y, false);
                        int at = panel == ChartSet.Panel.MARGIN ? 0 : panel == ChartSet.Panel.KERNEL ? 2 : -1;
                        if (at >= 0) {
                            range[at] = Math.min(range[at], y);
                            range[at + 1] = Math.max(range[at + 1], y);
                        }
                    }
                }
            }
        }
        return range;
    }

    /** Fires one change per ghost series (after a silent refill). */
    void fireChanged() {
        for (XYSeriesCollection c : sets.values()) {
            for (int s = 0; s < c.getSeriesCount(); s++) {
                c.getSeries(s).fireSeriesChanged();
            }
        }
    }

    /** The quantity a panel's ghost curve shows: the panel's main, left-axis curve. */
    static double value(ChartSet.Panel panel, Metrics m, boolean frobenius) {
        return switch (panel) {
            case MARGIN -> frobenius ? m.marginFrobenius() : m.marginPath();
            case KERNEL -> m.marginDisplacement();
            case RISK -> m.risk();
            case ROTATION -> Math.toDegrees(m.rotationMean());
            case FEATURES -> m.patternsChanged();
            case SPREAD -> Double.NaN; // a histogram of one snapshot: no curve over time to pin
        };
    }

    /** A short label for a pin (it must fit a chart's legend): what a user changes between two runs. */
    static String describe(lowrot.core.model.Regime regime, int width, double stepSize) {
        String eta = ExportStyle.stepSize(stepSize);
        String r = switch (regime) {
            case NEAR_INITIALIZATION -> "near init";
            case NEURAL_COLLAPSE -> "collapse";
            case NO_ROTATION -> "no rotation";
        };
        return String.format("m = %d, η = %s, %s", width, eta, r);
    }
}
