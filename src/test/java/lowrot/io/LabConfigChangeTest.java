package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lowrot.core.model.Regime;
import org.junit.jupiter.api.Test;

/** What a change of config makes stale: the window keeps data and reference margins that still hold. */
class LabConfigChangeTest {
    private final LabConfig base = LabConfig.defaults();

    @Test
    void eachKindOfChangeInvalidatesWhatDependsOnIt() {
        assertEquals(new LabConfig.Change(false, false, false), base.changeTo(base));
        var eta = base.withRun(base.run().withTraining(base.run().training().withStepSize(0.1)));
        assertEquals(new LabConfig.Change(false, false, false), base.changeTo(eta), "η keeps everything");
        var width = base.withRun(base.run().withNetwork(base.run().network().withWidth(8)));
        assertEquals(new LabConfig.Change(false, false, true), base.changeTo(width));
        var regime = base.withRun(base.run().withTraining(base.run().training().withRegime(Regime.NO_ROTATION)));
        assertEquals(new LabConfig.Change(false, false, true), base.changeTo(regime));
        var tolerance = base.withGlobalTolerance(1e-3);
        assertEquals(new LabConfig.Change(false, true, false), base.changeTo(tolerance));
        var seeds = base.withRun(base.run().withSeeds(77, base.run().initSeed()));
        assertEquals(new LabConfig.Change(true, true, true), base.changeTo(seeds));
        var data = base.withRun(base.run().withDataset(base.run().dataset().withN(33)));
        assertEquals(new LabConfig.Change(true, true, true), base.changeTo(data));
    }
}
