package lowrot.core;

/**
 * The settings each regime starts from in the window, so that picking a regime shows its point at once:
 * data, width, regime and step size; the seeds are kept.
 */
public final class RegimePresets {
    private RegimePresets() {
    }

    /** The preset run of a regime with the given seeds. */
    public static RunConfig of(Regime regime, long dataSeed, long initSeed) {
        return switch (regime) {
            case NEAR_INITIALIZATION -> new RunConfig(DataSpec.defaults(DatasetKind.QUADRANTS),
                    NetworkSpec.defaults().withWidth(64), TrainSpec.defaults().withStepSize(0.5), dataSeed, initSeed);
            case NEURAL_COLLAPSE -> new RunConfig(DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE).withGroups(4)
                    .withSpread(0.2), NetworkSpec.defaults().withWidth(64),
                    TrainSpec.defaults().withRegime(Regime.NEURAL_COLLAPSE).withStepSize(0.5), dataSeed, initSeed);
            case NO_ROTATION -> new RunConfig(DataSpec.defaults(DatasetKind.QUADRANTS),
                    NetworkSpec.defaults().withWidth(256), TrainSpec.defaults().withRegime(Regime.NO_ROTATION)
                            .withStepSize(0.5), dataSeed, initSeed);
        };
    }
}
