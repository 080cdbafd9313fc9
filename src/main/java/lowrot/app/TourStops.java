package lowrot.app;

import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Regime;
import lowrot.core.model.RegimePresets;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.io.LabConfig;
import lowrot.render.ChartSet;

/**
 * The six stops of the tour, in order: near initialization, laziness against width, neural collapse, no rotation,
 * 2-sparse parity, and kernel against feature learning. The runs are the regime presets (seeds 1, 1) and a
 * parity run with a small initialization; each plays to a τ where its picture has formed.
 */
final class TourStops {
    /** Width of the laziness stop's first run; the width slider moves it by factors of 2. */
    static final int LAZY_WIDTH = 256;

    /** The step limit of the tour's runs: far beyond their τ targets, so the τ target is what pauses them. */
    private static final long STEPS = 10_000_000;

    private TourStops() {}

    static final List<TourStop> ALL = List.of(
            new TourStop(
                    "Near initialization",
                    preset(Regime.NEAR_INITIALIZATION),
                    1000,
                    0.5,
                    ChartSet.Panel.KERNEL,
                    false,
                    false),
            new TourStop(
                    "Laziness against width",
                    preset(Regime.NEAR_INITIALIZATION).withRun(widthOf(preset(Regime.NEAR_INITIALIZATION), LAZY_WIDTH)),
                    1000,
                    0.5,
                    ChartSet.Panel.ROTATION,
                    false,
                    false),
            new TourStop(
                    "Neural collapse",
                    preset(Regime.NEURAL_COLLAPSE),
                    4000,
                    0.5,
                    ChartSet.Panel.FEATURES,
                    false,
                    false),
            new TourStop("No rotation", preset(Regime.NO_ROTATION), 10_000, 0.5, ChartSet.Panel.MARGIN, false, false),
            new TourStop("2-sparse parity", parity(), 4000, 0.5, ChartSet.Panel.FEATURES, false, true),
            new TourStop("Kernel against feature learning", null, 0, 0.5, null, false, false));

    private static LabConfig preset(Regime regime) {
        return LabConfig.defaults().withRun(RegimePresets.of(regime, 1, 1)).withSteps(STEPS);
    }

    private static RunConfig widthOf(LabConfig config, int width) {
        return config.run().withNetwork(config.run().network().withWidth(width));
    }

    /**
     * 2-sparse parity in d = 10 (n = 400, 2,000 test points) at m = 256 from a small initialization (α = 0.1, both
     * layers train, η = 2): far from the kernel regime, so the neurons are free to turn onto x₁ and x₂.
     */
    static LabConfig parity() {
        RunConfig rc = new RunConfig(
                DataSpec.defaults(DatasetKind.PARITY).withD(10).withN(400).withNTest(2000),
                NetworkSpec.defaults().withWidth(256).withInitScale(0.1),
                TrainSpec.defaults().withStepSize(2.0),
                1,
                1);
        return LabConfig.defaults().withRun(rc).withSteps(STEPS);
    }
}
