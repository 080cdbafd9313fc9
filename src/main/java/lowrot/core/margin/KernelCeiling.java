package lowrot.core.margin;

import lowrot.core.data.Dataset;
import lowrot.core.model.Network;
import lowrot.core.model.RunConfig;
import lowrot.core.util.ProgressMonitor;

/**
 * The ceiling of the tangent margin of the displacement, in parameter-ℓ₂ (kernel) units: the tangent
 * kernel's ℓ₂ margin at initialization for this network ({@code empirical}) and its infinite-width closed
 * form for this config ({@code limit}); see {@link TangentKernel}.
 */
public record KernelCeiling(KernelMarginResult empirical, KernelMarginResult limit) {
    /** Relative Frank–Wolfe gap at which both solves stop. */
    public static final double TOLERANCE = 1e-4;
    /** Iteration cap of both solves: a count, never a clock. */
    public static final int MAX_ITERATIONS = 5000;

    /** Both ceilings for a run's initial network on its training set. */
    public static KernelCeiling compute(RunConfig config, Dataset train, Network initial, ProgressMonitor monitor) {
        int n = train.n();
        KernelMarginResult empirical = TangentKernel.margin(
                TangentKernel.gram(initial, train, config.training().outerTrainable()), n, TOLERANCE, MAX_ITERATIONS);
        monitor.checkCancelled();
        KernelMarginResult limit =
                TangentKernel.margin(TangentKernel.closedFormGram(config, train), n, TOLERANCE, MAX_ITERATIONS);
        return new KernelCeiling(empirical, limit);
    }
}
