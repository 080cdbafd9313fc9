package lowrot.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import org.junit.jupiter.api.Test;

/** A trainer restored from another's state continues with exactly the bits of one that never stopped. */
class TrainerStateTest {
    @Test
    void restoringAStateContinuesTheSameRun() {
        for (RunConfig rc : new RunConfig[] {
            RunConfig.defaults()
                    .withTraining(TrainSpec.defaults()
                            .withOptimizer(Optimizer.SGD)
                            .withBatchSize(7)
                            .withStepSize(0.3)),
            RunConfig.defaults().withTraining(TrainSpec.defaults().withRegime(Regime.NO_ROTATION)),
            RunConfig.defaults().withTraining(TrainSpec.defaults().withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)),
        }) {
            Trainer whole = new Trainer(rc);
            whole.steps(150);
            Trainer first = new Trainer(rc);
            first.steps(61);
            Trainer.State s = first.state();
            Trainer second = new Trainer(rc);
            second.restore(s);
            second.steps(89);
            String where = rc.training().optimizer() + " " + rc.training().regime();
            assertEquals(whole.stepCount(), second.stepCount(), where);
            assertEquals(Double.doubleToRawLongBits(whole.time()), Double.doubleToRawLongBits(second.time()), where);
            assertArrayEquals(whole.network().copyA(), second.network().copyA(), 0.0, where);
            assertArrayEquals(whole.network().copyV(), second.network().copyV(), 0.0, where);
            assertEquals(whole.snapshot(0).metrics(), second.snapshot(0).metrics(), where);
            // A state is a copy: stepping the first trainer on does not change it.
            first.step();
            assertEquals(61, s.steps());
        }
    }
}
