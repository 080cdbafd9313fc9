package lowrot.render;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.KernelCeiling;
import lowrot.core.margin.NtkMarginResult;
import lowrot.core.margin.ReferenceMargins;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The reference lines of the two margin charts, each on the chart of its units: γ_gl and the no-rotation
 * limit beside the path-norm (or Frobenius) margin; γ_ntk and the tangent kernel's ℓ₂ ceilings beside the
 * tangent margins. Each label names its units.
 */
final class ReferenceLines {
    private ReferenceLines() {}

    /** Sets the path-norm chart's lines; returns the largest value drawn. */
    static double pathNorm(
            XYPlot plot, ReferenceMargins refs, boolean frobenius, boolean outerTrainable, double x0, double x1) {
        // γ_F ≤ γ_gl/2 holds when both layers train; with a frozen outer layer the Frobenius margin
        // has other units and no line is drawn for the path-norm references.
        boolean pathUnits = !frobenius || outerTrainable;
        double factor = frobenius ? 0.5 : 1.0;
        String suffix = frobenius ? "/2" : "";
        List<Object[]> entries = new ArrayList<>();
        GlobalMarginResult global = refs == null ? null : refs.global();
        if (global != null && pathUnits) {
            entries.add(new Object[] {globalLabel(global, factor, suffix), factor * global.lower(), Palette.GLOBAL});
        }
        GlobalMarginResult noRot = refs == null ? null : refs.noRotation();
        if (noRot != null && pathUnits) {
            entries.add(new Object[] {
                String.format("no-rotation limit%s = %s", suffix, ChartSet.fmt(factor * noRot.lower())),
                factor * noRot.lower(),
                Palette.NO_ROTATION
            });
        }
        return lines(plot, entries, x0, x1);
    }

    /**
     * Sets the kernel chart's reference lines (γ_ntk, the ℓ₂ ceiling at initialization and its m → ∞
     * limit) as dashed series from x0 to x1, so that the legend names them with their values and no two
     * labels can overlap; returns the largest value drawn.
     */
    static double kernel(XYPlot plot, ReferenceMargins refs, double x0, double x1) {
        NtkMarginResult ntk = refs == null ? null : refs.ntk();
        KernelCeiling kernel = refs == null ? null : refs.kernel();
        List<Object[]> entries = new ArrayList<>();
        if (ntk != null) {
            String label = ntk.interim()
                    ? String.format(
                            "γ_ntk ∈ [%s, %s], tightening", ChartSet.fmt(ntk.lower()), ChartSet.fmt(ntk.upper()))
                    : String.format("γ_ntk = %s (‖θ(v)‖ ≤ 1)", ChartSet.fmt(ntk.value()));
            entries.add(new Object[] {label, ntk.value(), Palette.NTK});
        }
        if (kernel != null) {
            entries.add(new Object[] {
                "ℓ₂ ceiling at W₀ = " + ChartSet.fmt(kernel.empirical().value()),
                kernel.empirical().value(),
                Palette.GLOBAL
            });
            entries.add(new Object[] {
                "ℓ₂ ceiling, m → ∞ = " + ChartSet.fmt(kernel.limit().value()),
                kernel.limit().value(),
                Palette.NO_ROTATION
            });
        }
        return lines(plot, entries, x0, x1);
    }

    /**
     * Reference lines {label, value, colour} as dashed series from x0 to x1 in dataset 1, so that the legend names
     * them with their values and no two labels can overlap (before there is data to span, unlabelled markers draw
     * them and empty series name them);
     * returns the largest value drawn.
     */
    private static double lines(XYPlot plot, List<Object[]> entries, double x0, double x1) {
        plot.clearRangeMarkers();
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        double top = Double.NEGATIVE_INFINITY;
        boolean span = Double.isFinite(x0) && Double.isFinite(x1) && x1 >= x0;
        for (Object[] e : entries) {
            double y = (Double) e[1];
            top = Math.max(top, y);
            XYSeries line = new XYSeries((String) e[0], false, true);
            if (span) {
                line.add(x0, y);
                line.add(x1, y);
            } else {
                // No data yet to span: a marker without a label draws the line, and the empty series names it in
                // the legend from the moment it is drawn.
                plot.addRangeMarker(ChartSet.marker(
                        y, (java.awt.Color) e[2], null, RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT));
            }
            int index = lines.getSeriesCount();
            lines.addSeries(line);
            renderer.setSeriesPaint(index, (java.awt.Color) e[2]);
            renderer.setSeriesStroke(
                    index,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        }
        plot.setDataset(1, lines);
        plot.setRenderer(1, renderer);
        return top;
    }

    /**
     * The γ_gl line's label: its value when the certified gap is closed, else the proven interval, or
     * "lower bound only" when no upper bound was proven, or "0 (not separable)".
     */
    static String globalLabel(GlobalMarginResult global, double factor, String suffix) {
        if (global.notSeparable()) {
            return String.format("γ_gl%s = 0 (not separable)", suffix);
        }
        if (!global.upperCertified()) {
            return String.format(
                    "γ_gl%s ≥ %s (%s)",
                    suffix, ChartSet.fmt(factor * global.lower()), global.interim() ? "so far" : "lower bound only");
        }
        if (global.interim()) {
            return String.format(
                    "γ_gl%s ∈ [%s, %s], tightening",
                    suffix, ChartSet.fmt(factor * global.lower()), ChartSet.fmt(factor * global.upper()));
        }
        if (global.converged()) {
            return String.format("γ_gl%s = %s", suffix, ChartSet.fmt(factor * global.lower()));
        }
        return String.format(
                "γ_gl%s ∈ [%s, %s] (certified)",
                suffix, ChartSet.fmt(factor * global.lower()), ChartSet.fmt(factor * global.upper()));
    }
}
