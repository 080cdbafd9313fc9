package lowrot.core.train;

import java.lang.management.ManagementFactory;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.step.Engine;

/**
 * Measures the bytes a warm training step allocates, per engine, optimizer, regime and d, at m = 64 and 512, and prints
 * one line each: "ENGINE OPTIMIZER REGIME d bytes64 bytes512". Run by {@code InvariantsTest} in a JVM of its own with
 * compilation in the foreground ({@code -Xbatch}), the vector engine first as in a real run, so that what the JIT
 * compiled for other tests in the suite's JVM cannot decide the measurement.
 */
final class AllocationProbe {
    private AllocationProbe() {}

    /** Arguments: the engine, and optionally an optimizer, a regime and a d to measure alone. */
    public static void main(String[] args) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (Engine engine : new Engine[] {Engine.valueOf(args[0])}) {
            Engine.use(engine);
            for (Optimizer opt : args.length > 1 ? new Optimizer[] {Optimizer.valueOf(args[1])} : Optimizer.values()) {
                for (Regime regime : args.length > 2
                        ? new Regime[] {Regime.valueOf(args[2])}
                        : new Regime[] {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION}) {
                    for (int d : args.length > 3 ? new int[] {Integer.parseInt(args[3])} : new int[] {2, 10}) {
                        long[] perStep = new long[2];
                        int[] widths = {64, 512};
                        for (int w = 0; w < 2; w++) {
                            RunConfig cfg = RunConfig.defaults()
                                    .withNetwork(NetworkSpec.defaults().withWidth(widths[w]))
                                    .withTraining(TrainSpec.defaults()
                                            .withRegime(regime)
                                            .withOptimizer(opt)
                                            .withStepSize(0.2)
                                            .withBatchSize(16));
                            if (d != 2) {
                                cfg = cfg.withDataset(DataSpec.defaults(DatasetKind.PARITY)
                                        .withD(d)
                                        .withN(100));
                            }
                            Trainer trainer = new Trainer(cfg);
                            trainer.setThreads(1);
                            trainer.steps(1000); // JIT warm-up
                            // The least over rounds of 300 steps: the compiler works in the background and may
                            // still be replacing interpreted code (an object per vector operation) after the
                            // warm-up, on a busy machine for a while. Rounds go on until one is clean or 100 have
                            // run — a count, not a time; code that stays dirty fails the test.
                            long clean = engine == Engine.SCALAR ? 5 : 2048;
                            perStep[w] = Long.MAX_VALUE;
                            for (int round = 0; round < 100 && perStep[w] >= clean; round++) {
                                long start = bean.getThreadAllocatedBytes(tid);
                                trainer.steps(300);
                                perStep[w] = Math.min(perStep[w], (bean.getThreadAllocatedBytes(tid) - start) / 300);
                            }
                        }
                        System.out.println(
                                engine + " " + opt + " " + regime + " " + d + " " + perStep[0] + " " + perStep[1]);
                    }
                }
            }
        }
    }
}
