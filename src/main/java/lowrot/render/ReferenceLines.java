package lowrot.render;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.GlobalMarginResult;
import lowrot.core.KernelCeiling;
import lowrot.core.NtkMarginResult;
import lowrot.run.ReferenceMargins;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The reference lines of the two margin charts, each on the chart of its units: γ_gl and the no-rotation
 * limit beside the path-norm (or Frobenius) margin; γ_ntk and the tangent kernel's ℓ₂ ceilings beside the
 * tangent margins. Each label names its units.
 */
final class ReferenceLines {
    private ReferenceLines() {
    }

    /** Sets the path-norm chart's lines; returns the largest value drawn. */
    static double pathNorm(XYPlot plot, ReferenceMargins refs, boolean frobenius, boolean outerTrainable) {
        plot.clearRangeMarkers();
        List<ValueMarker> markers = new ArrayList<>();
        // γ_F ≤ γ_gl/2 holds when both layers train; with a frozen outer layer the Frobenius margin
        // has other units and no line is drawn for the path-norm references.
        boolean pathUnits = !frobenius || outerTrainable;
        double factor = frobenius ? 0.5 : 1.0;
        String suffix = frobenius ? "/2" : "";
        GlobalMarginResult global = refs == null ? null : refs.global();
        if (global != null && pathUnits) {
            markers.add(ChartSet.marker(factor * global.lower(), Palette.GLOBAL, globalLabel(global, factor, suffix),
                    RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT));
        }
        GlobalMarginResult noRot = refs == null ? null : refs.noRotation();
        if (noRot != null && pathUnits) {
            markers.add(ChartSet.marker(factor * noRot.lower(), Palette.NO_ROTATION,
                    String.format("no-rotation limit%s = %s (path-norm units)", suffix, ChartSet.fmt(factor * noRot.lower())),
                    RectangleAnchor.BOTTOM_RIGHT, TextAnchor.TOP_RIGHT));
        }
        return add(plot, markers);
    }

    /** Sets the kernel chart's lines (γ_ntk, the ℓ₂ ceiling at initialization and its m → ∞ limit). */
    static double kernel(XYPlot plot, ReferenceMargins refs) {
        plot.clearRangeMarkers();
        List<ValueMarker> markers = new ArrayList<>();
        NtkMarginResult ntk = refs == null ? null : refs.ntk();
        if (ntk != null) {
            markers.add(ChartSet.marker(ntk.value(), Palette.NTK, String.format("γ_ntk = %s ± %s (‖θ(v)‖ ≤ 1)",
                    ChartSet.fmt(ntk.value()), ChartSet.fmt(Math.max(ntk.gap() / 2,
                            Double.isNaN(ntk.standardError()) ? 0 : ntk.standardError()))),
                    RectangleAnchor.BOTTOM_LEFT, TextAnchor.TOP_LEFT));
        }
        KernelCeiling kernel = refs == null ? null : refs.kernel();
        if (kernel != null) {
            markers.add(ChartSet.marker(kernel.empirical().value(), Palette.GLOBAL, String.format(
                    "ℓ₂ ceiling at W₀ = %s", ChartSet.fmt(kernel.empirical().value())), RectangleAnchor.TOP_RIGHT,
                    TextAnchor.BOTTOM_RIGHT));
            markers.add(ChartSet.marker(kernel.limit().value(), Palette.NO_ROTATION, String.format(
                    "ℓ₂ ceiling, m → ∞ = %s", ChartSet.fmt(kernel.limit().value())), RectangleAnchor.TOP_LEFT,
                    TextAnchor.BOTTOM_LEFT));
        }
        return add(plot, markers);
    }

    private static double add(XYPlot plot, List<ValueMarker> markers) {
        double top = Double.NEGATIVE_INFINITY;
        for (ValueMarker m : markers) {
            plot.addRangeMarker(m);
            top = Math.max(top, m.getValue());
        }
        return top;
    }

    /**
     * The γ_gl line's label: its value when the certified gap is closed, else the proven interval, or
     * "lower bound only" when no upper bound was proven.
     */
    static String globalLabel(GlobalMarginResult global, double factor, String suffix) {
        if (!global.upperCertified()) {
            return String.format("γ_gl%s ≥ %s (lower bound only)", suffix, ChartSet.fmt(factor * global.lower()));
        }
        if (global.converged()) {
            return String.format("γ_gl%s = %s", suffix, ChartSet.fmt(factor * global.lower()));
        }
        return String.format("γ_gl%s ∈ [%s, %s] (certified)", suffix, ChartSet.fmt(factor * global.lower()),
                ChartSet.fmt(factor * global.upper()));
    }
}
