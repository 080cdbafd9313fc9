package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.NtkMarginSolver;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.margin.TangentPoint;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.AtomicFiles;
import lowrot.io.ConfigException;
import lowrot.io.LabConfig;
import lowrot.io.MetricsCsv;
import lowrot.io.ReferenceSolves;
import lowrot.io.RunFile;
import lowrot.io.RunJournal;
import lowrot.render.ChartOptions;
import lowrot.render.ChartSet;
import lowrot.render.CircleLayout;
import lowrot.render.CircleScene;
import lowrot.render.ExportStyle;
import lowrot.render.Figures;
import lowrot.render.Trails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: trains headless and writes run.json, metrics.csv and every figure as PNG and SVG. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
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

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue the stopped or killed run in DIR from the last complete record of its journal"
                    + " (the same bits as a run never stopped); takes its config from there. --steps or"
                    + " --until-time may set a new target.")
    Path resume;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Option(names = "--figure-size", paramLabel = "PX", description = "Height of the figures in pixels (default 600).")
    int figureSize = 600;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (figureSize < 100
                || figureSize > 8000
                || (steps != null && steps < 0)
                || (every != null && every < 1)
                || (untilTime != null && !(untilTime > 0 && Double.isFinite(untilTime)))) {
            err.println("invalid: --steps must be ≥ 0, --every ≥ 1, --until-time > 0, --figure-size 100 to 8000");
            return Cli.INVALID;
        }
        HeadlessRun run = resume != null ? resumed(err, stdout) : fresh(err);
        if (run == null) {
            return Cli.INVALID;
        }
        GlobalMarginResult optimal = run.optimal();
        if (Cli.processMain()) {
            StopSignals.install();
        }
        HeadlessRun.Result r = run.train(noProgress ? null : err, StopSignals::requested);
        LabConfig c = run.config();
        // The trained network's neurons seed the γ_gl search (the bounds are certified either way).
        double[] trained = r.kept().isEmpty()
                ? new double[0]
                : r.kept().get(r.kept().size() - 1).network().copyV();
        // A γ_gl solved before training (for the alignment metric) is the reference: the window draws the same one.
        ReferenceMargins refs = ReferenceSolves.all(c, r.data().train(), trained, optimal, ProgressMonitor.NONE);
        List<TangentPoint> tangent = tangentPoints(r.data(), r.kept());
        writeOutputs(out, c, r, refs, tangent, figureSize);
        Metrics last = r.rows().get(r.rows().size() - 1);
        printTable(stdout, last, refs, c.run().training().outerTrainable());
        stdout.println("wrote " + out.toAbsolutePath());
        if (r.stopped()) {
            // The journal stays: `run --resume` continues from it.
            err.println("stopped at step " + last.step() + " (τ = " + ChartSet.fmt(last.time()) + ") by "
                    + StopSignals.name() + "; files written to " + out.toAbsolutePath() + "; continue with lowrot run"
                    + " --resume " + out);
            return StopSignals.exitCode();
        }
        // Finished (or diverged, which cannot be continued): run.json is complete, the journal is not needed.
        Files.deleteIfExists(out.resolve(RunJournal.FILE_NAME));
        if (r.divergence() != null) {
            err.println(r.divergence());
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    /** A new run into --out, or null after saying why not. */
    private HeadlessRun fresh(PrintWriter err) throws IOException {
        if (config.file == null) {
            err.println("invalid: give a CONFIG.json to run, or --resume DIR to continue a run");
            return null;
        }
        LabConfig c = config.load(err);
        if (c == null) {
            return null;
        }
        long totalSteps = steps != null ? steps : c.steps();
        int k = every != null ? every : c.every();
        Files.createDirectories(out);
        Path journal = out.resolve(RunJournal.FILE_NAME);
        if (Files.exists(journal)) {
            err.println("invalid: " + out + " holds the journal of a stopped run: continue it with lowrot run --resume "
                    + out + ", or delete " + journal + " to start afresh");
            return null;
        }
        DataSplit data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
        GlobalMarginResult optimal = alignmentTarget(c, data, err);
        return HeadlessRun.start(c, data, new RunJournal.Plan(totalSteps, untilTime, k), journal, optimal);
    }

    /** The run of --resume DIR, continued, or null after saying why not. */
    private HeadlessRun resumed(PrintWriter err, PrintWriter stdout) throws IOException {
        if (config.file != null || !config.overrides.isEmpty()) {
            err.println("invalid: --resume takes the config from the run's journal; give no CONFIG.json or --set");
            return null;
        }
        Path journal = resume.resolve(RunJournal.FILE_NAME);
        if (!Files.exists(journal)) {
            err.println("invalid: --resume " + resume + ": there is no journal " + journal
                    + (Files.exists(resume.resolve("run.json"))
                            ? " (the run there finished: run.json is complete)"
                            : " (not the folder of a lowrot run)"));
            return null;
        }
        RunJournal.Loaded loaded;
        try {
            loaded = RunJournal.read(journal);
        } catch (ConfigException e) {
            err.println("invalid: " + e.getMessage());
            return null;
        }
        RunJournal.Plan was = loaded.plan();
        if (every != null && every != was.every()) {
            err.println("invalid: --every " + every + ": the run records every " + was.every()
                    + " steps, and a resumed run keeps that");
            return null;
        }
        RunJournal.Plan plan = steps != null || untilTime != null
                ? new RunJournal.Plan(steps != null ? steps : was.steps(), untilTime, was.every())
                : was;
        if (!loaded.warning().isEmpty()) {
            err.println("journal: " + loaded.warning());
        }
        out = resume;
        GlobalMarginResult optimal = alignmentTarget(loaded.config(), loaded.data(), err);
        HeadlessRun run = HeadlessRun.resume(journal, loaded, plan, optimal);
        stdout.println(
                "resuming at step " + run.stepCount() + " (τ = " + ChartSet.fmt(run.time()) + ") from " + journal);
        return run;
    }

    /**
     * The max-margin network the run's alignment metric is measured against (neural-collapse data), solved before
     * the first step and said on standard error; null for other data.
     */
    private GlobalMarginResult alignmentTarget(LabConfig c, DataSplit data, PrintWriter err) {
        if (!ReferenceSolves.measuresOptimalAlignment(c)) {
            return null;
        }
        if (!noProgress) {
            err.println("solving the max-margin network first (the alignment metric is measured against it)…");
            err.flush();
        }
        GlobalMarginResult g = ReferenceSolves.alignmentTarget(c, data.train(), ProgressMonitor.NONE, r -> {});
        if (!noProgress) {
            err.println("max-margin network: " + g);
            err.flush();
        }
        return g;
    }

    /** Tangent-kernel margins at up to eight recorded moments, spread over the run. */
    static List<TangentPoint> tangentPoints(DataSplit data, List<Snapshot> kept) {
        List<TangentPoint> out = new ArrayList<>();
        int count = Math.min(6, kept.size());
        for (int t = 0; t < count; t++) {
            Snapshot s = kept.get(count == 1 ? 0 : (int) Math.round((kept.size() - 1) * (double) t / (count - 1)));
            var r = NtkMarginSolver.tangentKernel(
                    data.train(),
                    s.network(),
                    NtkMarginSolver.Options.defaults().withMaxIterations(300),
                    ProgressMonitor.NONE);
            out.add(new TangentPoint(s.step(), s.time(), r.lower(), r.upper()));
        }
        return out;
    }

    static void writeOutputs(
            Path dir, LabConfig c, HeadlessRun.Result r, ReferenceMargins refs, List<TangentPoint> tangent, int size)
            throws IOException {
        RunFile.write(dir.resolve("run.json"), c, r.data(), r.kept());
        AtomicFiles.writeText(dir.resolve("metrics.csv"), MetricsCsv.write(r.rows()));
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        charts.update(
                r.rows(),
                tangent,
                refs,
                c.run().training().outerTrainable(),
                c.run().dataset().kind());
        Snapshot last = r.kept().get(r.kept().size() - 1);
        charts.setSpread(lowrot.core.train.RotationSpread.of(last));
        Trails trails = new Trails(last.width(), 24);
        for (int i = Math.max(0, r.kept().size() - 24); i < r.kept().size(); i++) {
            trails.add(r.kept().get(i), CircleLayout.Plane.DEFAULT);
        }
        CircleScene scene = new CircleScene(
                last,
                r.data().train(),
                trails,
                null,
                refs.global(),
                CircleScene.Options.defaults(),
                lowrot.render.CircleRenderer.caption(c.run().training().regime(), last));
        for (ChartSet.Panel p : ChartSet.Panel.values()) {
            ExportStyle.apply(charts.chart(p));
        }
        String caption = ExportStyle.caption(
                c.run(), r.data().train().d(), c.run().training().stepSize(), last.step(), last.time());
        int chartW = (int) Math.round(size * 4 / 3.0);
        for (ChartSet.Panel p : ChartSet.Panel.values()) {
            String name = p.name().toLowerCase();
            var painter = ExportStyle.captioned((w, h) -> Figures.chart(charts.chart(p), w, h), caption, chartW, size);
            AtomicFiles.writePng(dir.resolve(name + ".png"), Figures.bitmap(chartW, size, 1, painter));
            AtomicFiles.writeText(dir.resolve(name + ".svg"), Figures.svg(chartW, size, painter));
        }
        var circle = Figures.circle(scene, size, size);
        AtomicFiles.writePng(dir.resolve("circle.png"), Figures.bitmap(size, size, 1, circle));
        AtomicFiles.writeText(dir.resolve("circle.svg"), Figures.svg(size, size, circle));
        int compW = Figures.compositeWidth(size);
        var composite = ExportStyle.captioned((w, h) -> Figures.composite(scene, charts, h), caption, compW, size);
        AtomicFiles.writePng(dir.resolve("composite.png"), Figures.bitmap(compW, size, 1, composite));
        AtomicFiles.writeText(dir.resolve("composite.svg"), Figures.svg(compW, size, composite));
    }

    static void printTable(PrintWriter out, Metrics m, ReferenceMargins refs, boolean outerTrainable) {
        out.println();
        out.printf(
                "%-34s %14s %14s%n",
                "final (step " + m.step() + ", τ = " + ChartSet.fmt(m.time()) + ")", "lower", "upper");
        out.printf("%-34s %14s%n", "path-norm margin γ_P", ChartSet.fmt(m.marginPath()));
        out.printf("%-34s %14s%n", "Frobenius margin γ_F", ChartSet.fmt(m.marginFrobenius()));
        if (refs.noRotation() != null) {
            out.printf(
                    "%-34s %14s %14s%n",
                    "no-rotation limit (this init)",
                    ChartSet.fmt(refs.noRotation().lower()),
                    ChartSet.fmt(refs.noRotation().upper()));
        }
        if (refs.global() != null) {
            out.printf(
                    "%-34s %14s %14s  (%s)%n",
                    "global margin γ_gl",
                    ChartSet.fmt(refs.global().lower()),
                    refs.global().upperCertified() ? ChartSet.fmt(refs.global().upper()) : "—",
                    refs.global().upperStatus());
        }
        String violation = refs.violation(m.marginPath());
        if (violation != null) {
            out.println(violation);
        }
        if (refs.ntk() != null) {
            out.printf(
                    "%-34s %14s %14s  (M = %d, s.e. %s)%n",
                    "NTK margin γ_ntk",
                    ChartSet.fmt(refs.ntk().lower()),
                    ChartSet.fmt(refs.ntk().upper()),
                    refs.ntk().directions(),
                    ChartSet.fmt(refs.ntk().standardError()));
        }
        out.printf("%-34s %14s%n", "tangent margin of W − W₀ (kernel)", ChartSet.fmt(m.marginDisplacement()));
        if (refs.kernel() != null) {
            out.printf(
                    "%-34s %14s %14s%n",
                    "ℓ₂ ceiling at W₀ (kernel)",
                    ChartSet.fmt(refs.kernel().empirical().lower()),
                    ChartSet.fmt(refs.kernel().empirical().upper()));
            out.printf(
                    "%-34s %14s %14s%n",
                    "ℓ₂ ceiling, m → ∞ (kernel)",
                    ChartSet.fmt(refs.kernel().limit().lower()),
                    ChartSet.fmt(refs.kernel().limit().upper()));
        }
        out.printf(
                "%-34s %14s%n",
                "train / test error", ChartSet.fmt(m.trainError()) + " / " + ChartSet.fmt(m.testError()));
        out.printf(
                "%-34s %14s%n",
                "rotation mean / max (degrees)",
                String.format("%.3g / %.3g", Math.toDegrees(m.rotationMean()), Math.toDegrees(m.rotationMax())));
        out.printf("%-34s %14s%n", "motion ‖W − W₀‖/√m", ChartSet.fmt(m.motionPerSqrtM()));
        if (!outerTrainable) {
            out.println("(outer layer frozen: γ_F is min y g / ‖V‖ and is not comparable with γ_gl/2)");
        }
    }
}
