package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lowrot.core.DataSplit;
import lowrot.core.Datasets;
import lowrot.core.Metrics;
import lowrot.core.NtkMarginSolver;
import lowrot.core.Snapshot;
import lowrot.core.SolverMonitor;
import lowrot.core.Trainer;
import lowrot.io.AtomicFiles;
import lowrot.io.LabConfig;
import lowrot.io.MetricsCsv;
import lowrot.io.RunFile;
import lowrot.render.ChartOptions;
import lowrot.render.ChartSet;
import lowrot.render.CircleLayout;
import lowrot.render.CircleScene;
import lowrot.render.Figures;
import lowrot.render.Trails;
import lowrot.run.Divergence;
import lowrot.run.Recorder;
import lowrot.core.ReferenceMargins;
import lowrot.core.TangentPoint;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: trains headless and writes run.json, metrics.csv and every figure as PNG and SVG. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train a configuration without a window; write run.json, metrics.csv and the figures.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--steps", description = "Steps to train (default: run.steps of the config).")
    Long steps;

    @Option(names = "--until-time", paramLabel = "T", description = "Train until GF time τ reaches T instead.")
    Double untilTime;

    @Option(names = "--every", paramLabel = "K", description = "Record a snapshot every K steps (default: run.every).")
    Integer every;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ./lowrot-run).")
    Path out = Path.of("lowrot-run");

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Option(names = "--figure-size", paramLabel = "PX", description = "Height of the figures in pixels (default 600).")
    int figureSize = 600;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LabConfig c = config.load(err);
        if (c == null) {
            return Cli.INVALID;
        }
        long totalSteps = steps != null ? steps : c.steps();
        int k = every != null ? every : c.every();
        if (totalSteps < 0 || k < 1 || figureSize < 100 || figureSize > 8000
                || (untilTime != null && !(untilTime > 0 && Double.isFinite(untilTime)))) {
            err.println("invalid: --steps must be ≥ 0, --every ≥ 1, --until-time > 0, --figure-size 100 to 8000");
            return Cli.INVALID;
        }
        Files.createDirectories(out);
        Result r = train(c, totalSteps, untilTime, k, noProgress ? null : err);
        // The trained network's neurons seed the γ_gl search (the bounds are certified either way).
        double[] trained = r.kept.isEmpty() ? new double[0] : r.kept.get(r.kept.size() - 1).network().copyV();
        ReferenceMargins refs = References.compute(c, r.data, trained, SolverMonitor.NONE);
        List<TangentPoint> tangent = tangentPoints(r.data, r.kept);
        writeOutputs(out, c, r, refs, tangent, figureSize);
        printTable(stdout, r.rows.get(r.rows.size() - 1), refs, c.run().training().outerTrainable());
        stdout.println("wrote " + out.toAbsolutePath());
        if (r.divergence != null) {
            err.println(r.divergence);
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    /** What a headless run produced. */
    record Result(DataSplit data, List<Metrics> rows, List<Snapshot> kept, String divergence) {
    }

    /** Trains, recording metrics every k steps (and at the start and the end). */
    static Result train(LabConfig c, long totalSteps, Double untilTime, int k, PrintWriter progress) {
        DataSplit data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
        Trainer trainer = new Trainer(c.run(), data);
        Recorder recorder = new Recorder(k);
        double initialRisk = recorder.start(trainer, 1).metrics().risk();
        String divergence = null;
        long cap = untilTime != null ? Long.MAX_VALUE : totalSteps;
        ProgressBar bar = Progress.bar("training", untilTime != null ? 1000 : totalSteps, progress != null);
        try {
            while (trainer.stepCount() < cap && (untilTime == null || trainer.time() < untilTime)) {
                double risk = trainer.step();
                String reason = Divergence.check(risk, initialRisk);
                if (reason != null) {
                    divergence = "diverged at step " + trainer.stepCount() + " (η = " + trainer.stepSize() + "): " + reason
                            + "; lower the step size";
                    break;
                }
                long s = trainer.stepCount();
                if (recorder.due(s)) {
                    Snapshot snap = trainer.snapshot(1);
                    String bad = Divergence.check(snap.metrics(), initialRisk);
                    if (bad != null) {
                        divergence = "diverged at step " + s + " (η = " + trainer.stepSize() + "): " + bad
                                + "; lower the step size";
                        break;
                    }
                    recorder.record(snap);
                    if (bar != null) {
                        bar.stepTo(untilTime != null ? (long) (1000 * Math.min(1, Math.log1p(trainer.time())
                                / Math.log1p(untilTime))) : s);
                    }
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        Recorder.Recording rec = divergence == null ? recorder.recording(trainer, 1)
                : recorder.recordingUpToLastGood();
        return new Result(data, rec.rows(), rec.snapshots(), divergence);
    }

    /** Tangent-kernel margins at up to eight recorded moments, spread over the run. */
    static List<TangentPoint> tangentPoints(DataSplit data, List<Snapshot> kept) {
        List<TangentPoint> out = new ArrayList<>();
        int count = Math.min(6, kept.size());
        for (int t = 0; t < count; t++) {
            Snapshot s = kept.get(count == 1 ? 0 : (int) Math.round((kept.size() - 1) * (double) t / (count - 1)));
            var r = NtkMarginSolver.tangentKernel(data.train(), s.network(),
                    NtkMarginSolver.Options.defaults().withMaxIterations(300), SolverMonitor.NONE);
            out.add(new TangentPoint(s.step(), s.time(), r.lower(), r.upper()));
        }
        return out;
    }

    static void writeOutputs(Path dir, LabConfig c, Result r, ReferenceMargins refs, List<TangentPoint> tangent,
            int size) throws IOException {
        RunFile.write(dir.resolve("run.json"), c, r.data, r.kept);
        AtomicFiles.writeText(dir.resolve("metrics.csv"), MetricsCsv.write(r.rows));
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        charts.update(r.rows, tangent, refs, c.run().training().outerTrainable(), c.run().dataset().kind());
        Snapshot last = r.kept.get(r.kept.size() - 1);
        Trails trails = new Trails(last.width(), 24);
        for (int i = Math.max(0, r.kept.size() - 24); i < r.kept.size(); i++) {
            trails.add(r.kept.get(i), CircleLayout.Plane.DEFAULT);
        }
        CircleScene scene = new CircleScene(last, r.data.train(), trails, null, refs.global(),
                CircleScene.Options.defaults(), lowrot.render.CircleRenderer.caption(c.run().training().regime(), last));
        int chartW = (int) Math.round(size * 4 / 3.0);
        for (ChartSet.Panel p : ChartSet.Panel.values()) {
            String name = p.name().toLowerCase();
            var painter = Figures.chart(charts.chart(p), chartW, size);
            AtomicFiles.writePng(dir.resolve(name + ".png"), Figures.bitmap(chartW, size, 1, painter));
            AtomicFiles.writeText(dir.resolve(name + ".svg"), Figures.svg(chartW, size, painter));
        }
        var circle = Figures.circle(scene, size, size);
        AtomicFiles.writePng(dir.resolve("circle.png"), Figures.bitmap(size, size, 1, circle));
        AtomicFiles.writeText(dir.resolve("circle.svg"), Figures.svg(size, size, circle));
        int compW = Figures.compositeWidth(size);
        var composite = Figures.composite(scene, charts, size);
        AtomicFiles.writePng(dir.resolve("composite.png"), Figures.bitmap(compW, size, 1, composite));
        AtomicFiles.writeText(dir.resolve("composite.svg"), Figures.svg(compW, size, composite));
    }

    static void printTable(PrintWriter out, Metrics m, ReferenceMargins refs, boolean outerTrainable) {
        out.println();
        out.printf("%-34s %14s %14s%n", "final (step " + m.step() + ", τ = " + ChartSet.fmt(m.time()) + ")", "lower",
                "upper");
        out.printf("%-34s %14s%n", "path-norm margin γ_P", ChartSet.fmt(m.marginPath()));
        out.printf("%-34s %14s%n", "Frobenius margin γ_F", ChartSet.fmt(m.marginFrobenius()));
        if (refs.noRotation() != null) {
            out.printf("%-34s %14s %14s%n", "no-rotation limit (this init)", ChartSet.fmt(refs.noRotation().lower()),
                    ChartSet.fmt(refs.noRotation().upper()));
        }
        if (refs.global() != null) {
            out.printf("%-34s %14s %14s  (%s)%n", "global margin γ_gl", ChartSet.fmt(refs.global().lower()),
                    refs.global().upperCertified() ? ChartSet.fmt(refs.global().upper()) : "—",
                    refs.global().upperStatus());
        }
        String violation = refs.violation(m.marginPath());
        if (violation != null) {
            out.println(violation);
        }
        if (refs.ntk() != null) {
            out.printf("%-34s %14s %14s  (M = %d, s.e. %s)%n", "NTK margin γ_ntk", ChartSet.fmt(refs.ntk().lower()),
                    ChartSet.fmt(refs.ntk().upper()), refs.ntk().directions(), ChartSet.fmt(refs.ntk().standardError()));
        }
        out.printf("%-34s %14s%n", "tangent margin of W − W₀ (kernel)", ChartSet.fmt(m.marginDisplacement()));
        if (refs.kernel() != null) {
            out.printf("%-34s %14s %14s%n", "ℓ₂ ceiling at W₀ (kernel)", ChartSet.fmt(refs.kernel().empirical().lower()),
                    ChartSet.fmt(refs.kernel().empirical().upper()));
            out.printf("%-34s %14s %14s%n", "ℓ₂ ceiling, m → ∞ (kernel)", ChartSet.fmt(refs.kernel().limit().lower()),
                    ChartSet.fmt(refs.kernel().limit().upper()));
        }
        out.printf("%-34s %14s%n", "train / test error", ChartSet.fmt(m.trainError()) + " / " + ChartSet.fmt(m.testError()));
        out.printf("%-34s %14s%n", "rotation mean / max (degrees)", String.format("%.3g / %.3g",
                Math.toDegrees(m.rotationMean()), Math.toDegrees(m.rotationMax())));
        out.printf("%-34s %14s%n", "motion ‖W − W₀‖/√m", ChartSet.fmt(m.motionPerSqrtM()));
        if (!outerTrainable) {
            out.println("(outer layer frozen: γ_F is min y g / ‖V‖ and is not comparable with γ_gl/2)");
        }
    }
}
