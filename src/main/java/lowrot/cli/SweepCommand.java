package lowrot.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.experiment.Laziness;
import lowrot.core.experiment.WidthSweep;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.train.Metrics;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.AtomicFiles;
import lowrot.io.LabConfig;
import lowrot.io.ReferenceSolves;
import lowrot.render.ChartSet;
import lowrot.render.Figures;
import lowrot.render.Palette;
import lowrot.render.SweepCharts;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: the same run at several widths and seeds, trained to the same GF time. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = "The width experiment: train a configuration at several widths × seeds to one GF time; plot "
                + "margin, rotation, motion and pattern flips against the width with error bars over seeds, and fit "
                + "each against m^−½, the kernel regime's rate.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--widths", split = ",", description = "Widths (default 8,32,128,512,2048,8192,16384).")
    int[] widths = {8, 32, 128, 512, 2048, 8192, 16384};

    @Option(names = "--seeds", description = "Initialization seeds per width, 1 … N (default 3).")
    int seeds = 3;

    @Option(names = "--time", paramLabel = "T", description = "GF time τ every run trains to (default 100).")
    double time = 100;

    @Option(names = "--max-steps", description = "Cap on the steps of one run (default 1000000).")
    long maxSteps = 1_000_000;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default ./lowrot-sweep).")
    Path out = Path.of("lowrot-sweep");

    @Option(
            names = "--shard",
            paramLabel = "i/N",
            converter = Shard.Converter.class,
            description =
                    "Compute only shard i of N of the grid (cells k with k mod N = i, k = width index × seeds "
                            + "+ seed index) and write it to sweep-shard-i-of-N.csv; put the shards together with lowrot merge.")
    Shard shard;

    @Mixin
    ParallelOptions parallel;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LabConfig c = config.load(err);
        if (c == null) {
            return Cli.INVALID;
        }
        if (seeds < 1 || seeds > 1000 || widths.length == 0 || !(time > 0) || parallel.workers < 1) {
            err.println("invalid: --seeds allowed 1 to 1000, --widths at least one, --time > 0, --workers ≥ 1");
            return Cli.INVALID;
        }
        long[] seedList = new long[seeds];
        for (int s = 0; s < seeds; s++) {
            seedList[s] = c.run().initSeed() + s;
        }
        DataSplit data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
        int cells = widths.length * seeds;
        int[] mine = shard == null ? java.util.stream.IntStream.range(0, cells).toArray() : shard.cells(cells);
        SweepShards.Grid grid = new SweepShards.Grid(
                widths, seedList, time, maxSteps, Shard.fingerprint(lowrot.io.ConfigJson.write(c)));
        CellStore store = new CellStore(out, "sweep", grid.line());
        java.util.Map<String, List<String>> done = store.done();
        WidthSweep.Point[] byCell = new WidthSweep.Point[cells];
        List<Integer> missing = new java.util.ArrayList<>();
        for (int cell : mine) {
            List<String> rows = done.get(cellKey(widths[cell / seeds], seedList[cell % seeds]));
            if (rows != null && rows.size() == 1) {
                String[] f = rows.get(0).split(",", 3);
                byCell[cell] = new WidthSweep.Point(
                        Integer.parseInt(f[0]), Long.parseLong(f[1]), lowrot.io.MetricsCsv.parseRow(f[2]));
            } else {
                missing.add(cell);
            }
        }
        stdout.println(store.summary(mine.length - missing.size(), mine.length));
        stdout.flush();
        int[] todo = missing.stream().mapToInt(Integer::intValue).toArray();
        try (ProgressBar bar = Progress.bar("sweep", todo.length, !parallel.noProgress)) {
            List<WidthSweep.Point> computed = WidthSweep.run(
                    c.run(),
                    data,
                    widths,
                    seedList,
                    time,
                    maxSteps,
                    parallel.workers,
                    Progress.monitor(bar, todo.length),
                    p -> store.save(cellKey(p.width(), p.seed()), List.of(SweepShards.row(p))),
                    todo);
            for (int i = 0; i < todo.length; i++) {
                byCell[todo[i]] = computed.get(i);
            }
        } catch (IllegalArgumentException e) {
            err.println("invalid: " + e.getMessage());
            return Cli.INVALID;
        }
        List<WidthSweep.Point> points = new java.util.ArrayList<>();
        for (int cell : mine) {
            points.add(byCell[cell]);
        }
        Files.createDirectories(out);
        if (shard != null) {
            Path file = out.resolve(shard.fileName("sweep"));
            AtomicFiles.writeText(file, SweepShards.write(shard, grid, points));
            stdout.println("shard " + shard + ": " + points.size() + " of " + cells + " cells; wrote "
                    + file.toAbsolutePath());
            return Cli.OK;
        }
        ReferenceMargins refs = ReferenceSolves.all(c, data.train(), new double[0], ProgressMonitor.NONE);
        write(out, points, refs);
        report(stdout, points);
        stdout.println("wrote " + out.toAbsolutePath());
        return Cli.OK;
    }

    private static String cellKey(int width, long seed) {
        return "m" + width + "-seed" + seed;
    }

    /** The table and the fitted exponents of a finished sweep. */
    static void report(PrintWriter stdout, List<WidthSweep.Point> points) {
        var motion = WidthSweep.summarise(points, Metrics::motion);
        var rotation = WidthSweep.summarise(points, Metrics::rotationMean);
        stdout.printf("%8s %14s %16s %16s %14s%n", "width", "γ_P (mean)", "rotation (°)", "‖W−W₀‖/√m", "‖W−W₀‖");
        var margin = WidthSweep.summarise(points, Metrics::marginPath);
        var perSqrt = WidthSweep.summarise(points, Metrics::motionPerSqrtM);
        for (int i = 0; i < margin.size(); i++) {
            stdout.printf(
                    "%8d %14s %16s %16s %14s%n",
                    margin.get(i).width(),
                    ChartSet.fmt(margin.get(i).mean()),
                    ChartSet.fmt(Math.toDegrees(rotation.get(i).mean())),
                    ChartSet.fmt(perSqrt.get(i).mean()),
                    ChartSet.fmt(motion.get(i).mean()));
        }
        stdout.println("Against the width (the kernel regime predicts m^−½ for each):");
        for (String line : Laziness.report(points)) {
            stdout.println("  " + line);
        }
    }

    static void write(Path dir, List<WidthSweep.Point> points, ReferenceMargins refs) throws IOException {
        StringBuilder csv = new StringBuilder(SweepShards.header()).append('\n');
        for (WidthSweep.Point p : points) {
            csv.append(SweepShards.row(p)).append('\n');
        }
        AtomicFiles.writeText(dir.resolve("sweep.csv"), csv.toString());
        var margin = SweepCharts.chart(
                "Final margin against width",
                "path-norm margin γ_P",
                List.of(new SweepCharts.Line(
                        "γ_P (mean ± sd over seeds)",
                        WidthSweep.summarise(points, Metrics::marginPath),
                        Palette.MARGIN)),
                refs,
                false);
        var rotation = SweepCharts.chart(
                "Rotation against width",
                "angle since init (°)",
                List.of(
                        new SweepCharts.Line(
                                "mean rotation",
                                WidthSweep.summarise(points, m -> Math.toDegrees(m.rotationMean())),
                                Palette.POSITIVE),
                        new SweepCharts.Line(
                                "max rotation",
                                WidthSweep.summarise(points, m -> Math.toDegrees(m.rotationMax())),
                                Palette.NEGATIVE)),
                null,
                true);
        var motion = SweepCharts.chart(
                "Motion against width",
                "motion",
                List.of(
                        new SweepCharts.Line("‖W − W₀‖", WidthSweep.summarise(points, Metrics::motion), Palette.INK),
                        new SweepCharts.Line(
                                "‖W − W₀‖/√m",
                                WidthSweep.summarise(points, Metrics::motionPerSqrtM),
                                Palette.NEGATIVE)),
                null,
                true);
        int w = 800;
        int h = 600;
        Color[] colours = {Palette.POSITIVE, Palette.NEGATIVE, Palette.INK, Palette.NTK};
        Laziness.Measure[] measures = Laziness.Measure.values();
        java.util.function.Consumer<java.awt.Graphics2D> laziness = g -> {
            for (int k = 0; k < measures.length; k++) {
                SweepCharts.laziness(points, measures[k], colours[k])
                        .draw(g, new java.awt.geom.Rectangle2D.Double(w * (k % 2), h * (k / 2), w, h));
            }
        };
        AtomicFiles.writePng(dir.resolve("sweep-laziness.png"), Figures.bitmap(2 * w, 2 * h, 1, laziness));
        AtomicFiles.writeText(dir.resolve("sweep-laziness.svg"), Figures.svg(2 * w, 2 * h, laziness));
        for (var e : List.of(
                java.util.Map.entry("sweep-margin", margin),
                java.util.Map.entry("sweep-rotation", rotation),
                java.util.Map.entry("sweep-motion", motion))) {
            var painter = Figures.chart(e.getValue(), w, h);
            AtomicFiles.writePng(dir.resolve(e.getKey() + ".png"), Figures.bitmap(w, h, 1, painter));
            AtomicFiles.writeText(dir.resolve(e.getKey() + ".svg"), Figures.svg(w, h, painter));
        }
    }
}
