package lowrot.core.model;

import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;

/**
 * The settings each regime starts from in the window, so that picking a regime shows its point at once:
 * data, width, regime and step size; the seeds are kept.
 */
public final class RegimePresets {
    /**
     * Width of the near-initialization preset: wide enough that the neurons barely turn (rotation falls about like
     * m^−½ at a fixed GF time; see {@code lowrot.core.experiment.Laziness}).
     */
    public static final int NEAR_INITIALIZATION_WIDTH = 4096;

    private RegimePresets() {}

    /**
     * What a preset shows, with the figures measured by {@code lowrot sweep samples/quadrants-near-init.json --widths
     * 64,4096 --seeds 2 --time 1000} (docs/experiments.md), for the regime picker's tooltip.
     */
    public static String note(Regime regime) {
        return switch (regime) {
            case NEAR_INITIALIZATION ->
                "Near initialization, m = 4096: at GF time τ = 1000 the mean rotation is about 11°"
                        + " (33° at m = 64). In the plane a few neurons with a tiny initial norm still turn far (the largest"
                        + " rotation stays near 90° at every width); the |a|‖v‖-weighted rotation is small.";
            case NEURAL_COLLAPSE ->
                "Neural collapse, m = 64: four well-separated groups; the neurons turn onto the group"
                        + " directions, so here rotation is large by design.";
            case NO_ROTATION ->
                "No rotation, m = 256: every direction is frozen at initialization; only the norms train.";
        };
    }

    /** The preset run of a regime with the given seeds. */
    public static RunConfig of(Regime regime, long dataSeed, long initSeed) {
        return switch (regime) {
            case NEAR_INITIALIZATION ->
                new RunConfig(
                        DataSpec.defaults(DatasetKind.QUADRANTS),
                        NetworkSpec.defaults().withWidth(NEAR_INITIALIZATION_WIDTH),
                        TrainSpec.defaults().withStepSize(0.5),
                        dataSeed,
                        initSeed);
            case NEURAL_COLLAPSE ->
                new RunConfig(
                        DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE)
                                .withGroups(4)
                                .withSpread(0.2),
                        NetworkSpec.defaults().withWidth(64),
                        TrainSpec.defaults().withRegime(Regime.NEURAL_COLLAPSE).withStepSize(0.5),
                        dataSeed,
                        initSeed);
            case NO_ROTATION ->
                new RunConfig(
                        DataSpec.defaults(DatasetKind.QUADRANTS),
                        NetworkSpec.defaults().withWidth(256),
                        TrainSpec.defaults().withRegime(Regime.NO_ROTATION).withStepSize(0.5),
                        dataSeed,
                        initSeed);
        };
    }
}
