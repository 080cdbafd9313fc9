package lowrot.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The two step engines train to the same bits: weights and every metric after the same steps, for one and two
 * threads, off and on lane boundaries.
 */
class EngineTest {
    private static Trainer train(RunConfig rc, Engine engine, int threads, int steps) {
        Engine before = Engine.current();
        Engine.use(engine);
        try {
            Trainer t = new Trainer(rc);
            t.setThreads(threads);
            t.steps(steps);
            return t;
        } finally {
            Engine.use(before);
        }
    }

    @Test
    void scalarAndVectorEnginesGiveTheSameRun() {
        for (int[] size : new int[][] {{10, 101, 37}, {20, 512, 160}, {3, 67, 16}, {2, 301, 71}, {2, 4000, 400}}) {
            RunConfig rc = RunConfig.defaults()
                    .withDataset(DataSpec.defaults(DatasetKind.PARITY)
                            .withD(size[0])
                            .withN(size[1])
                            .withNTest(53))
                    .withNetwork(NetworkSpec.defaults().withWidth(size[2]))
                    .withTraining(TrainSpec.defaults().withStepSize(0.5));
            Trainer reference = train(rc, Engine.SCALAR, 1, 25);
            assertEquals(
                    size[1] * size[2] * (size[0] + 2) >= 1_400_000,
                    train(rc, Engine.SCALAR, 2, 0).splitsSteps());
            for (Engine engine : Engine.values()) {
                if (!engine.available()) {
                    continue;
                }
                for (int threads : new int[] {1, 2}) {
                    Trainer t = train(rc, engine, threads, 25);
                    String where = engine + ", " + threads + " threads, d = " + size[0];
                    assertArrayEquals(reference.network().copyA(), t.network().copyA(), 0.0, where);
                    assertEquals(
                            java.util.Arrays.toString(reference.network().copyV()),
                            java.util.Arrays.toString(t.network().copyV()),
                            where);
                    assertEquals(reference.snapshot(0).metrics(), t.snapshot(0).metrics(), where);
                }
            }
        }
    }
}
