package lowrot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lowrot.core.model.Optimizer;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

/** Paced playback: frame k lands at the first step whose τ reaches τ_s · 10^{kδ}, with no clock involved. */
class LogPaceTest {
    @Test
    void everyFrameLandsAtTheFirstStepReachingItsLogTime() {
        for (Optimizer opt : new Optimizer[] {Optimizer.GRADIENT_FLOW, Optimizer.NORMALIZED_GRADIENT_FLOW}) {
            RunConfig rc =
                    RunConfig.defaults().withTraining(TrainSpec.defaults().withOptimizer(opt));
            Trainer t = new Trainer(rc);
            LogPace pace = new LogPace(0.5);
            assertEquals(0.5 / 30, pace.decadesPerFrame(), 1e-15);
            assertEquals(1, pace.advance(t, Long.MAX_VALUE), "pacing starts at the first step");
            double start = t.time();
            assertEquals(start, pace.target(0));
            for (int k = 1; k <= 120; k++) {
                double target = pace.nextTarget();
                // log τ advances by the same amount every frame.
                assertEquals(k * 0.5 / 30, Math.log10(target / start), 1e-12, opt + " frame " + k);
                double before = t.time();
                long steps = pace.advance(t, Long.MAX_VALUE);
                assertEquals(k, pace.frames());
                assertTrue(t.time() >= target, opt + " frame " + k + " reached τ " + target);
                if (steps > 0) {
                    // The first step that reaches it: one step fewer is still short (or the frame needed none).
                    Trainer probe = new Trainer(rc);
                    probe.steps(t.stepCount() - 1);
                    assertTrue(probe.time() < target, opt + " frame " + k + " overshot by a step");
                } else {
                    assertTrue(before >= target, "a frame takes no step only when τ is already past it");
                }
            }
            // 120 frames at 0.5 decades per second are 4 s of playback: two decades of τ.
            assertEquals(2.0, Math.log10(pace.target(120) / start), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> new LogPace(0));
        assertThrows(IllegalArgumentException.class, () -> new LogPace(1000));
    }
}
