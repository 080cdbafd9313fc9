package lowrot.core.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The two step engines train to the same bits: weights and every metric after the same steps, for one and two
 * threads, off and on lane boundaries.
 */
class EngineTest {
    /** A trainer after {@code steps} steps and its metrics, both computed by {@code engine}. */
    private record Trained(Trainer trainer, Metrics metrics) {
        Network network() {
            return trainer.network();
        }

        boolean splitsSteps() {
            return trainer.splitsSteps();
        }
    }

    private static Trained train(RunConfig rc, Engine engine, int threads, int steps) {
        Engine before = Engine.current();
        Engine.use(engine);
        try {
            Trainer t = new Trainer(rc);
            t.setThreads(threads);
            t.steps(steps);
            // The metrics pass runs while the engine is in force: scalar and vector metrics are compared too.
            return new Trained(t, t.snapshot(0).metrics());
        } finally {
            Engine.use(before);
        }
    }

    @Test
    void scalarAndVectorEnginesGiveTheSameRun() {
        VectorEngine.require();
        for (int[] size : new int[][] {{10, 101, 37}, {20, 512, 160}, {3, 67, 16}, {2, 301, 71}, {2, 4000, 400}}) {
            RunConfig rc = RunConfig.defaults()
                    .withDataset(DataSpec.defaults(DatasetKind.PARITY)
                            .withD(size[0])
                            .withN(size[1])
                            .withNTest(53))
                    .withNetwork(NetworkSpec.defaults().withWidth(size[2]))
                    .withTraining(TrainSpec.defaults().withStepSize(0.5));
            Trained reference = train(rc, Engine.SCALAR, 1, 25);
            assertEquals(
                    size[1] * size[2] * (size[0] + 2) >= 1_400_000,
                    train(rc, Engine.SCALAR, 2, 0).splitsSteps());
            for (Engine engine : Engine.values()) {
                for (int threads : new int[] {1, 2}) {
                    Trained t = train(rc, engine, threads, 25);
                    String where = engine + ", " + threads + " threads, d = " + size[0];
                    assertArrayEquals(reference.network().copyA(), t.network().copyA(), 0.0, where);
                    assertEquals(
                            java.util.Arrays.toString(reference.network().copyV()),
                            java.util.Arrays.toString(t.network().copyV()),
                            where);
                    assertEquals(reference.metrics(), t.metrics(), where);
                }
            }
        }
    }

    @Test
    void minibatchesNormalisedStepsAndFrozenDirectionsToo() {
        VectorEngine.require();
        // The activity bits of a minibatch are rows of the batch, not of the training set; the no-rotation
        // regime turns ∂v into ∂b; loss-normalised steps scale c. Each against the scalar engine on one thread;
        // the sizes are large enough for two threads to split the passes (605 · 200 · 12 ≥ 1.4 million).
        RunConfig base = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.PARITY)
                        .withD(10)
                        .withN(803)
                        .withNTest(31))
                .withNetwork(NetworkSpec.defaults().withWidth(200));
        TrainSpec[] trainings = {
            TrainSpec.defaults().withOptimizer(Optimizer.SGD).withBatchSize(605).withStepSize(0.5),
            TrainSpec.defaults()
                    .withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)
                    .withStepSize(0.05),
            TrainSpec.defaults().withRegime(Regime.NO_ROTATION).withStepSize(0.5)
        };
        for (TrainSpec training : trainings) {
            RunConfig rc = base.withTraining(training);
            Trained reference = train(rc, Engine.SCALAR, 1, 30);
            for (Engine engine : Engine.values()) {
                for (int threads : new int[] {1, 2}) {
                    Trained t = train(rc, engine, threads, 30);
                    assertEquals(threads == 2, t.splitsSteps());
                    String where =
                            engine + ", " + threads + " threads, " + training.optimizer() + "/" + training.regime();
                    assertEquals(
                            java.util.Arrays.toString(reference.network().copyV()),
                            java.util.Arrays.toString(t.network().copyV()),
                            where);
                    assertArrayEquals(reference.network().copyA(), t.network().copyA(), 0.0, where);
                    assertEquals(reference.metrics(), t.metrics(), where);
                }
            }
        }
    }
}
