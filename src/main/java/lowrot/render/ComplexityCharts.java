package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import lowrot.core.Fits;
import lowrot.core.Regime;
import lowrot.core.SampleComplexity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of a sample-complexity sweep: test error against n, and the n needed against d with fits. */
public final class ComplexityCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ComplexityCharts() {
    }

    private static Color colour(Regime r) {
        return r == Regime.NO_ROTATION ? Palette.NO_ROTATION : Palette.NTK;
    }

    /** Mean test error against n (log axis), one line per regime and dimension. */
    public static JFreeChart errors(List<SampleComplexity.Cell> cells, int[] ds, int[] ns, double epsilon) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int s = 0;
        for (Regime regime : new Regime[] {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION}) {
            for (int di = 0; di < ds.length; di++) {
                XYSeries series = new XYSeries(regime.label() + ", d = " + ds[di], true, true);
                for (int n : ns) {
                    double e = SampleComplexity.meanError(cells, regime, ds[di], n);
                    if (Double.isFinite(e)) {
                        series.add(n, e);
                    }
                }
                data.addSeries(series);
                float shade = ds.length == 1 ? 1f : 0.45f + 0.55f * di / (ds.length - 1);
                Color c = colour(regime);
                r.setSeriesPaint(s, new Color((int) (c.getRed() * shade), (int) (c.getGreen() * shade),
                        (int) (c.getBlue() * shade)));
                r.setSeriesStroke(s, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                        regime == Regime.NO_ROTATION ? new float[] {6f, 4f} : null, 0f));
                s++;
            }
        }
        LogAxis x = new LogAxis("training points n (log)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        x.setLabelFont(LABEL);
        NumberAxis y = new NumberAxis("test error");
        y.setRange(0, 0.55);
        y.setLabelFont(LABEL);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(epsilon, Palette.FAINT, new BasicStroke(1f)));
        return finish(new JFreeChart("2-sparse parity: test error against n", TITLE, plot, true), plot);
    }

    /** n_ε against d on log–log axes with the fitted power laws. */
    public static JFreeChart needed(List<SampleComplexity.Needed> needed, Fits.PowerLaw near, Fits.PowerLaw noRot,
            double epsilon) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (Regime regime : new Regime[] {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION}) {
            XYSeries pts = new XYSeries(regime.label() + " (measured)", true, true);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (SampleComplexity.Needed nd : needed) {
                if (nd.regime() == regime && nd.n() > 0) {
                    pts.add(nd.d(), nd.n());
                    lo = Math.min(lo, nd.d());
                    hi = Math.max(hi, nd.d());
                }
            }
            data.addSeries(pts);
            r.setSeriesPaint(s, colour(regime));
            s++;
            Fits.PowerLaw fit = regime == Regime.NO_ROTATION ? noRot : near;
            if (fit != null) {
                XYSeries line = new XYSeries(String.format("fit: n ∝ d^%.2f [%.2f, %.2f]", fit.slope(), fit.lower95(),
                        fit.upper95()), true, true);
                for (int k = 0; k <= 20; k++) {
                    double d = lo * Math.pow(hi / lo, k / 20.0);
                    line.add(d, fit.at(d));
                }
                data.addSeries(line);
                r.setSeriesLinesVisible(s, true);
                r.setSeriesShapesVisible(s, false);
                r.setSeriesPaint(s, colour(regime));
                r.setSeriesStroke(s, new BasicStroke(1.5f));
                s++;
            }
        }
        LogAxis x = new LogAxis("dimension d (log)");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        x.setLabelFont(LABEL);
        LogAxis y = new LogAxis(String.format("n needed for test error %.2g (log)", epsilon));
        y.setBase(2);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        y.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        y.setLabelFont(LABEL);
        XYPlot plot = new XYPlot(data, x, y, r);
        return finish(new JFreeChart("Samples needed against dimension", TITLE, plot, true), plot);
    }

    private static JFreeChart finish(JFreeChart chart, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(LABEL);
        return chart;
    }
}
