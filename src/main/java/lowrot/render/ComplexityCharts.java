package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.experiment.Learner;
import lowrot.core.experiment.SampleComplexity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of the sample-complexity experiment: each learner's test error against n (one line per d), and the
 * n needed against d on log–log axes with each learner's fit, its bootstrap interval and the d² and d guides.
 */
public final class ComplexityCharts {
    private static final Font TITLE = ChartStyle.TITLE;
    private static final Font LABEL = ChartStyle.LABEL;

    private ComplexityCharts() {}

    /** The colour of a learner, the same in every figure. */
    public static Color colour(Learner learner) {
        return switch (learner) {
            case KERNEL -> Palette.NTK;
            case NEAR_INITIALIZATION -> Palette.NEGATIVE;
            case MAX_MARGIN -> Palette.GLOBAL;
            case RICH -> Palette.POSITIVE;
        };
    }

    /**
     * Mean test error over the seeds that ran each n, against n (log axis), one line per d, darker for larger d;
     * ε as a grey line.
     */
    public static JFreeChart errors(List<SampleComplexity.Cell> cells, Learner learner, int[] ds, double epsilon) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Color c = colour(learner);
        for (int di = 0; di < ds.length; di++) {
            XYSeries series = new XYSeries("d = " + ds[di], true, true);
            for (SampleComplexity.Cell cell : cells) {
                if (cell.learner() == learner && cell.d() == ds[di] && series.indexOf(cell.n()) < 0) {
                    series.add(cell.n(), ComplexityAnalysis.meanError(cells, learner, ds[di], cell.n()));
                }
            }
            data.addSeries(series);
            float shade = ds.length == 1 ? 1f : 1f - 0.6f * di / (ds.length - 1);
            r.setSeriesPaint(di, blend(c, shade));
            r.setSeriesStroke(di, new BasicStroke(1.6f));
            r.setSeriesShape(di, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        LogAxis x = ChartStyle.log2Axis("training points n (log scale)");
        ChartStyle.rangeWhenEmpty(x, data, 8, 512);
        NumberAxis y = new NumberAxis("test error (ε dashed)");
        y.setRange(0, 0.55);
        y.setLabelFont(LABEL);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addRangeMarker(new ValueMarker(
                epsilon,
                Palette.FAINT,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f)));
        return ChartStyle.finish(new JFreeChart(learner.label() + ": test error", TITLE, plot, true), plot);
    }

    /** Mixes a colour with white: shade 1 is the colour, 0.4 a light tint. */
    private static Color blend(Color c, float shade) {
        return new Color(
                Math.round(255 - (255 - c.getRed()) * shade),
                Math.round(255 - (255 - c.getGreen()) * shade),
                Math.round(255 - (255 - c.getBlue()) * shade));
    }

    /**
     * n_ε against d on log–log axes: per learner the geometric mean over seeds at every d all seeds reached,
     * the fitted power law over those d (legend: exponent and bootstrap interval), and dashed d² and d guides
     * through the first point of the first kernel and first feature-learning learner measured.
     */
    public static JFreeChart needed(
            List<ComplexityAnalysis.Point> points, List<ComplexityAnalysis.Exponent> exponents, double epsilon) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (ComplexityAnalysis.Point p : points) {
            if (p.complete()) {
                lo = Math.min(lo, p.d());
                hi = Math.max(hi, p.d());
            }
        }
        ComplexityAnalysis.Point kernelAnchor = null;
        ComplexityAnalysis.Point featureAnchor = null;
        for (Learner learner : Learner.values()) {
            XYSeries pts = new XYSeries(learner.label(), true, true);
            for (ComplexityAnalysis.Point p : points) {
                if (p.learner() == learner && p.complete()) {
                    pts.add(p.d(), p.n());
                    if (learner.predictedExponent() == 2 && kernelAnchor == null) {
                        kernelAnchor = p;
                    } else if (learner.predictedExponent() == 1 && featureAnchor == null) {
                        featureAnchor = p;
                    }
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            int s = data.getSeriesCount();
            data.addSeries(pts);
            r.setSeriesPaint(s, colour(learner));
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
            for (ComplexityAnalysis.Exponent e : exponents) {
                if (e != null && e.learner() == learner) {
                    XYSeries line = new XYSeries(
                            String.format(
                                    "  fit d^%.2f, 95 %% bootstrap [%.2f, %.2f]",
                                    e.fit().slope(), e.bootstrapLow(), e.bootstrapHigh()),
                            true,
                            true);
                    double first = pts.getMinX();
                    double last = pts.getMaxX();
                    for (int k = 0; k <= 20; k++) {
                        double d = first * Math.pow(last / first, k / 20.0);
                        line.add(d, e.fit().at(d));
                    }
                    int t = data.getSeriesCount();
                    data.addSeries(line);
                    r.setSeriesLinesVisible(t, true);
                    r.setSeriesShapesVisible(t, false);
                    r.setSeriesPaint(t, colour(learner));
                    r.setSeriesStroke(t, new BasicStroke(1.8f));
                }
            }
        }
        guide(data, r, kernelAnchor, 2, lo, hi, "guide ∝ d² (kernel prediction)");
        guide(data, r, featureAnchor, 1, lo, hi, "guide ∝ d (max-margin prediction)");
        LogAxis x = ChartStyle.log2Axis("dimension d (log scale)");
        LogAxis y = ChartStyle.log2Axis(String.format("n needed for test error %.2g (log scale)", epsilon));
        ChartStyle.rangeWhenEmpty(x, data, 4, 64);
        ChartStyle.rangeWhenEmpty(y, data, 8, 4096);
        XYPlot plot = new XYPlot(data, x, y, r);
        return ChartStyle.finish(
                new JFreeChart("Samples needed against dimension, 2-sparse parity", TITLE, plot, true), plot);
    }

    private static void guide(
            XYSeriesCollection data,
            XYLineAndShapeRenderer r,
            ComplexityAnalysis.Point anchor,
            int power,
            double lo,
            double hi,
            String name) {
        if (anchor == null || !(hi > lo)) {
            return;
        }
        XYSeries g = new XYSeries(name, true, true);
        for (int k = 0; k <= 20; k++) {
            double d = lo * Math.pow(hi / lo, k / 20.0);
            g.add(d, anchor.n() * Math.pow(d / anchor.d(), power));
        }
        int t = data.getSeriesCount();
        data.addSeries(g);
        r.setSeriesLinesVisible(t, true);
        r.setSeriesShapesVisible(t, false);
        r.setSeriesPaint(t, Palette.FAINT);
        r.setSeriesStroke(
                t,
                new BasicStroke(
                        1.2f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        1f,
                        power == 2 ? new float[] {8f, 4f} : new float[] {2f, 3f},
                        0f));
    }
}
