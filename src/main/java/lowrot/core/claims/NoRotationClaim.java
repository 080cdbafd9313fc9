package lowrot.core.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lowrot.core.data.Dataset;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import lowrot.core.model.RegimePresets;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Trainer;
import lowrot.core.util.ProgressMonitor;

/**
 * No rotation: with every direction frozen, the path-norm margin γ_P approaches the no-rotation limit (the best
 * margin over the initial directions), and that limit approaches the global margin γ_gl as the width grows. The
 * no-rotation preset's data, widths 16, 64 and 256, loss-normalised GF for {@link #STEPS} steps of size {@link #STEP_SIZE}.
 */
public final class NoRotationClaim {
    /** Widths. */
    public static final int[] WIDTHS = {16, 64, 256};
    /** Steps of loss-normalised gradient flow. */
    public static final long STEPS = 20000;
    /**
     * Step size of the loss-normalised steps. It must be small enough to follow the flow late in training: with
     * η = 0.5 the late steps (η / R, R tiny) overshoot and γ_P fell back (0.87 → 0.74 of the limit at m = 16 from
     * 2,000 to 20,000 steps); with 0.05 it rises to 0.97.
     */
    public static final double STEP_SIZE = 0.05;

    /** γ_P after a tenth of the steps and at the end, and the certified no-rotation limit, per width. */
    public record Point(int width, double earlyMarginPath, double marginPath, GlobalMarginResult limit) {}

    /** Every width, γ_gl and the two verdicts: γ_P against the limit; the limit against γ_gl. */
    public record Result(List<Point> points, GlobalMarginResult global, Claim margin, Claim limit) {}

    private NoRotationClaim() {}

    public static RunConfig config(int width) {
        RunConfig preset = RegimePresets.of(Regime.NO_ROTATION, 1, 1);
        return preset.withNetwork(preset.network().withWidth(width))
                .withTraining(preset.training()
                        .withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)
                        .withStepSize(STEP_SIZE));
    }

    public static Result run(ProgressMonitor monitor) {
        List<Point> points = new ArrayList<>();
        List<RunConfig> runs = new ArrayList<>();
        GlobalMarginResult global = null;
        GlobalMarginSolver.Options options = GlobalMarginSolver.Options.defaults();
        for (int i = 0; i < WIDTHS.length; i++) {
            RunConfig rc = config(WIDTHS[i]);
            runs.add(rc);
            Trainer t = new Trainer(rc);
            t.setThreads(1);
            double early = Double.NaN;
            for (long k = 0; k < STEPS; k++) {
                if (k == STEPS / 10) {
                    early = t.snapshot(0).metrics().marginPath();
                }
                if (k % 128 == 0) {
                    monitor.checkCancelled();
                    monitor.progress((i + (double) k / STEPS) / WIDTHS.length, "no rotation: m = " + WIDTHS[i]);
                }
                t.step();
            }
            Dataset train = t.data().train();
            if (global == null) {
                global = GlobalMarginSolver.solve(train, options, monitor);
            }
            GlobalMarginResult limit = GlobalMarginSolver.noRotationLimit(train, t.initialNetwork(), options, monitor);
            points.add(new Point(WIDTHS[i], early, t.snapshot(0).metrics().marginPath(), limit));
        }
        return new Result(points, global, margin(points, runs), limit(points, global, runs));
    }

    private static Claim margin(List<Point> points, List<RunConfig> runs) {
        List<String> evidence = new ArrayList<>();
        boolean approaches = true;
        for (Point p : points) {
            double share = p.marginPath() / p.limit().lower();
            approaches &= share >= 0.9;
            evidence.add(String.format(
                    Locale.ROOT,
                    "m = %d: γ_P / no-rotation limit = %.3f after %d steps, %.3f after" + " %d (limit %.5f, %s).",
                    p.width(),
                    p.earlyMarginPath() / p.limit().lower(),
                    STEPS / 10,
                    share,
                    STEPS,
                    p.limit().lower(),
                    p.limit().upperStatus()));
        }
        return new Claim(
                "No rotation: margin",
                "With frozen directions, gradient flow's path-norm margin approaches the no-rotation limit.",
                "γ_P ≥ 0.9 × the no-rotation limit at every width after " + STEPS + " steps of loss-normalised GF",
                evidence,
                approaches,
                runs);
    }

    private static Claim limit(List<Point> points, GlobalMarginResult global, List<RunConfig> runs) {
        List<String> evidence = new ArrayList<>();
        for (Point p : points) {
            evidence.add(String.format(
                    Locale.ROOT,
                    "m = %d: no-rotation limit %.5f = %.3f γ_gl.",
                    p.width(),
                    p.limit().lower(),
                    p.limit().lower() / global.upper()));
        }
        evidence.add(String.format(
                Locale.ROOT, "γ_gl between %.5f and %.5f (%s).", global.lower(), global.upper(), global.upperStatus()));
        double first = global.upper() - points.get(0).limit().lower();
        Point last = points.get(points.size() - 1);
        boolean closes =
                global.upper() - last.limit().lower() < first && last.limit().lower() >= 0.9 * global.lower();
        return new Claim(
                "No rotation: limit",
                "The no-rotation limit approaches the global margin γ_gl as the width grows.",
                "γ_gl − limit smaller at m = " + last.width() + " than at m = "
                        + points.get(0).width() + ", and the limit at m = " + last.width() + " ≥ 0.9 γ_gl",
                evidence,
                closes,
                runs);
    }
}
