package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.train.Snapshot;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.ConfigException;
import lowrot.io.LabConfig;
import lowrot.io.ReferenceSolves;
import lowrot.io.RunFile;
import lowrot.report.Animator;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code animate}: a run as a GIF or MP4, frames at log-spaced GF time, drawn as the window draws it. */
@Command(
        name = "animate",
        mixinStandardHelpOptions = true,
        description = "Record a run as an animated GIF or an MP4 video: the circle view (trails, the optimal network's"
                + " spokes, τ in the caption) beside the margin chart, frames at log-spaced GF time. Takes a config"
                + " (trains it from initialization) or a run file written by lowrot run or the window (replays it).")
final class AnimateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--out", paramLabel = "FILE", description = "run.gif or run.mp4 (default ./lowrot-run.gif).")
    Path out = Path.of("lowrot-run.gif");

    @Option(names = "--seconds", description = "Duration in seconds (default 8).")
    double seconds = 8;

    @Option(names = "--fps", description = "Frames per second (default 25).")
    int fps = 25;

    @Option(names = "--size", paramLabel = "WxH", description = "Frame size in pixels (default 1280x720).")
    String size = "1280x720";

    @Option(names = "--no-chart", description = "The circle view alone, without the margin chart.")
    boolean noChart;

    @Option(
            names = "--until-time",
            paramLabel = "T",
            description = "GF time of the last frame (default: the config's run.steps × step size). Configs only.")
    Double untilTime;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        Animator.Settings settings;
        try {
            if (wh.length != 2) {
                throw new NumberFormatException();
            }
            settings = new Animator.Settings(
                    seconds, fps, Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()), !noChart);
        } catch (NumberFormatException e) {
            err.println("invalid: --size = \"" + size + "\": expected WIDTHxHEIGHT, e.g. 1280x720");
            return Cli.INVALID;
        }
        var problems = settings.validate();
        if (!problems.isEmpty()) {
            problems.messages().forEach(p -> err.println("invalid: --" + p));
            return Cli.INVALID;
        }
        String fileProblem = lowrot.io.AnimationWriter.problem(out, settings.width(), settings.height());
        if (fileProblem != null) {
            err.println("invalid: " + fileProblem);
            return Cli.INVALID;
        }
        boolean runFile = RunFile.isRunFile(config.file);
        try (ProgressBar bar = Progress.bar("animate", 1000, !noProgress)) {
            ProgressMonitor monitor = Progress.monitor(bar, 1000);
            double[] times;
            if (runFile) {
                RunFile.Loaded loaded;
                try {
                    loaded = RunFile.read(config.file);
                } catch (ConfigException e) {
                    e.problems().forEach(p -> err.println("invalid: " + p));
                    return Cli.INVALID;
                }
                if (loaded.warning() != null) {
                    err.println("warning: " + loaded.warning());
                }
                List<Snapshot> recorded = RunFile.snapshots(loaded);
                ReferenceMargins refs = ReferenceSolves.all(
                        loaded.config(), loaded.data().train(), new double[0], ProgressMonitor.NONE);
                times = Animator.replay(recorded, loaded.data(), loaded.config().run(), refs, settings, out, monitor);
            } else {
                LabConfig c = config.load(err);
                if (c == null) {
                    return Cli.INVALID;
                }
                double until = untilTime != null
                        ? untilTime
                        : c.steps() * c.run().training().stepSize();
                if (!(until > 0)) {
                    err.println("invalid: --until-time = " + until + ": allowed more than 0");
                    return Cli.INVALID;
                }
                DataSplit data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
                ReferenceMargins refs = ReferenceSolves.all(c, data.train(), new double[0], ProgressMonitor.NONE);
                times = Animator.record(c.run(), data, until, refs, settings, out, monitor);
            }
            stdout.printf(
                    java.util.Locale.ROOT,
                    "wrote %s: %d frames of %d × %d at %d fps, GF time 0 and then %s to %s" + " on a log scale%n",
                    out.toAbsolutePath(),
                    times.length,
                    settings.width(),
                    settings.height(),
                    settings.fps(),
                    lowrot.render.ChartSet.fmt(times[1]),
                    lowrot.render.ChartSet.fmt(times[times.length - 1]));
            return Cli.OK;
        } catch (IllegalArgumentException e) {
            err.println("invalid: " + e.getMessage());
            return Cli.INVALID;
        }
    }
}
