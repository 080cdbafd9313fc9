package lowrot.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import lowrot.io.AtomicFiles;
import lowrot.io.LabConfig;
import lowrot.render.CircleRenderer;
import lowrot.render.CircleScene;
import lowrot.render.Figures;
import lowrot.render.Palette;
import lowrot.render.Trails;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare}: the three regimes on the same data and seeds, side by side. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Train the same data and seeds in the three regimes; draw their circle views at a few GF times "
                + "and their margin curves in one figure.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--times", split = ",", description = "GF times of the circle views (default 1,30,1000).")
    double[] times = {1, 30, 1000};

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default ./lowrot-compare).")
    Path out = Path.of("lowrot-compare");

    @Option(names = "--size", description = "Size of one circle view in pixels (default 320).")
    int size = 320;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LabConfig c = config.load(err);
        if (c == null) {
            return Cli.INVALID;
        }
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        if (sorted.length == 0 || sorted.length > 8 || !(sorted[0] > 0) || size < 100 || size > 2000) {
            err.println("invalid: --times needs 1 to 8 positive times; --size allowed 100 to 2000");
            return Cli.INVALID;
        }
        DataSplit data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
        Regime[] regimes = Regime.values();
        Snapshot[][] views = new Snapshot[regimes.length][sorted.length];
        XYSeriesCollection margins = new XYSeriesCollection();
        StringBuilder csv = new StringBuilder("regime,step,time,margin_path,rotation_mean,motion_per_sqrt_m\n");
        for (int r = 0; r < regimes.length; r++) {
            RunConfig rc = c.run().withTraining(c.run().training().withRegime(regimes[r]));
            Trainer t = new Trainer(rc, data);
            XYSeries curve = new XYSeries(regimes[r].label(), false, true);
            for (int k = 0; k < sorted.length; k++) {
                while (t.time() < sorted[k] && t.stepCount() < 10_000_000L) {
                    t.step();
                    if (t.stepCount() % 20 == 0) {
                        Metrics m = t.snapshot(1).metrics();
                        if (Double.isFinite(m.marginPath()) && m.time() > 0) {
                            curve.add(m.time(), m.marginPath(), false);
                        }
                        csvRow(csv, regimes[r], m);
                    }
                }
                views[r][k] = t.snapshot(1);
                Metrics m = views[r][k].metrics();
                csvRow(csv, regimes[r], m);
            }
            curve.fireSeriesChanged();
            margins.addSeries(curve);
        }
        Files.createDirectories(out);
        AtomicFiles.writeText(out.resolve("compare.csv"), csv.toString());
        JFreeChart chart = marginChart(margins);
        int cols = sorted.length;
        int w = cols * size + 2 * size;
        int h = regimes.length * size;
        Consumer<Graphics2D> painter = g -> paintGrid(g, w, h, regimes, views, data, chart);
        AtomicFiles.writePng(out.resolve("compare.png"), Figures.bitmap(w, h, 1, painter));
        AtomicFiles.writeText(out.resolve("compare.svg"), Figures.svg(w, h, painter));
        spec.commandLine().getOut().println("wrote " + out.toAbsolutePath());
        return Cli.OK;
    }

    /** One row per regime of circle views at the requested times, and the margins chart on the right. */
    private void paintGrid(
            Graphics2D g, int w, int h, Regime[] regimes, Snapshot[][] views, DataSplit data, JFreeChart chart) {
        int cols = views[0].length;
        g.setPaint(Palette.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        for (int r = 0; r < regimes.length; r++) {
            for (int k = 0; k < cols; k++) {
                Snapshot s = views[r][k];
                Graphics2D cell = (Graphics2D) g.create(k * size, r * size, size, size);
                CircleRenderer.paint(
                        cell,
                        size,
                        size,
                        new CircleScene(
                                s,
                                data.train(),
                                new Trails(s.width(), 2),
                                null,
                                null,
                                CircleScene.Options.defaults().withTrails(false),
                                String.format(
                                        "%s · τ = %s", regimes[r].label(), lowrot.render.ChartSet.fmt(s.time()))));
                cell.dispose();
            }
        }
        chart.draw(g, new Rectangle2D.Double(cols * size, 0, 2 * size, h));
    }

    private static void csvRow(StringBuilder csv, Regime regime, Metrics m) {
        csv.append(regime.name())
                .append(',')
                .append(m.step())
                .append(',')
                .append(m.time())
                .append(',')
                .append(m.marginPath())
                .append(',')
                .append(m.rotationMean())
                .append(',')
                .append(m.motionPerSqrtM())
                .append('\n');
    }

    private static JFreeChart marginChart(XYSeriesCollection data) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {Palette.NTK, Palette.POSITIVE, Palette.NO_ROTATION};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            r.setSeriesPaint(s, colours[s % colours.length]);
            r.setSeriesStroke(s, new java.awt.BasicStroke(2f));
        }
        LogAxis x = new LogAxis("GF time τ (log)");
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        NumberAxis y = new NumberAxis("path-norm margin γ_P");
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        JFreeChart chart = new JFreeChart("Margin in the three regimes", plot);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        return chart;
    }
}
