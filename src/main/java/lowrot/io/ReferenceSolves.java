package lowrot.io;

import java.util.function.Consumer;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.margin.KernelCeiling;
import lowrot.core.margin.NtkMarginResult;
import lowrot.core.margin.NtkMarginSolver;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.train.Trainer;
import lowrot.core.util.ProgressMonitor;

/**
 * The reference margins of a configuration on its training set — the one recipe the window (a solve per line, as
 * each finishes) and the command line (all four at once) share: γ_ntk with the config's directions and tolerance,
 * seeded by the data seed; γ_gl with the config's global options; the no-rotation limit of the initial network's
 * directions; and the tangent kernel's ℓ₂ ceilings at initialization.
 */
public final class ReferenceSolves {
    private ReferenceSolves() {}

    /** γ_ntk over the config's M sampled directions. */
    public static NtkMarginResult ntk(LabConfig c, Dataset train, ProgressMonitor monitor) {
        return ntk(c, train, monitor, r -> {});
    }

    /** The same, telling {@code interim} the certified bounds on the way. */
    public static NtkMarginResult ntk(
            LabConfig c, Dataset train, ProgressMonitor monitor, Consumer<NtkMarginResult> interim) {
        return NtkMarginSolver.solve(
                train,
                NtkMarginSolver.Options.defaults()
                        .withDirections(c.ntkDirections())
                        .withTolerance(c.ntkTolerance())
                        .withSeed(c.run().dataSeed()),
                monitor,
                interim);
    }

    /**
     * γ_gl, certified; {@code seeds} (row-major m × d, possibly empty) are extra starting directions of the search
     * in d &gt; 2, such as a trained network's neurons: they help it find good columns sooner, the bounds stay
     * certified whatever they are.
     */
    public static GlobalMarginResult global(LabConfig c, Dataset train, double[] seeds, ProgressMonitor monitor) {
        return global(c, train, seeds, monitor, r -> {});
    }

    /** The same, telling {@code interim} the proven bounds and the best network on the way. */
    public static GlobalMarginResult global(
            LabConfig c, Dataset train, double[] seeds, ProgressMonitor monitor, Consumer<GlobalMarginResult> interim) {
        return GlobalMarginSolver.solve(train, c.globalOptions(), seeds, monitor, interim);
    }

    /** The best path-norm margin reachable with the initial network's directions frozen. */
    public static GlobalMarginResult noRotation(LabConfig c, Dataset train, ProgressMonitor monitor) {
        return GlobalMarginSolver.noRotationLimit(
                train, Trainer.initialNetwork(c.run(), train.d()), c.globalOptions(), monitor);
    }

    /** The tangent kernel's ℓ₂ margin ceilings at initialization and for m → ∞. */
    public static KernelCeiling kernel(LabConfig c, Dataset train, ProgressMonitor monitor) {
        return KernelCeiling.compute(c.run(), train, Trainer.initialNetwork(c.run(), train.d()), monitor);
    }

    /** All four, one after the other. */
    public static ReferenceMargins all(LabConfig c, Dataset train, double[] seeds, ProgressMonitor monitor) {
        return all(c, train, seeds, null, monitor);
    }

    /** All four, taking γ_gl from {@code knownGlobal} when it is not null (a solve made before training). */
    public static ReferenceMargins all(
            LabConfig c, Dataset train, double[] seeds, GlobalMarginResult knownGlobal, ProgressMonitor monitor) {
        return new ReferenceMargins(
                ntk(c, train, monitor),
                knownGlobal != null ? knownGlobal : global(c, train, seeds, monitor),
                noRotation(c, train, monitor),
                kernel(c, train, monitor));
    }

    /**
     * Whether a run of this config measures its alignment with the max-margin network (neural-collapse data): then
     * γ_gl is solved before the first step, without seeds — the same solve in the window and on the command line —
     * and its atoms go to the trainer ({@link #alignmentTarget}).
     */
    public static boolean measuresOptimalAlignment(LabConfig c) {
        return c.run().dataset().kind() == DatasetKind.NEURAL_COLLAPSE;
    }

    /**
     * The certified optimal network the run's alignment metric is measured against: γ_gl of the training set with
     * no seeds, for the configs of {@link #measuresOptimalAlignment}; null for the others.
     */
    public static GlobalMarginResult alignmentTarget(
            LabConfig c, Dataset train, ProgressMonitor monitor, Consumer<GlobalMarginResult> interim) {
        return measuresOptimalAlignment(c) ? global(c, train, new double[0], monitor, interim) : null;
    }
}
