package lowrot.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

/** Divergence, resource limits, thread-count determinism and very long runs. */
class ReliabilityTest {

    @Test
    void hugeStepSizesPauseTheRunWithAMessageInEveryRegime() throws Exception {
        for (Regime regime : Regime.values()) {
            for (Optimizer opt : Optimizer.values()) {
                RunConfig c = RunConfig.defaults()
                        .withTraining(TrainSpec.defaults()
                                .withRegime(regime)
                                .withOptimizer(opt)
                                .withStepSize(1e4));
                CollectingListener seen = new CollectingListener();
                TrainingRun run = new TrainingRun(
                        1,
                        c,
                        Datasets.generate(c.dataset(), 1),
                        1,
                        0,
                        1,
                        lowrot.core.util.Workers.NOTHING,
                        seen,
                        RunClock.SYSTEM);
                run.play();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (run.state() != RunState.DIVERGED && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertEquals(RunState.DIVERGED, run.state(), regime + "/" + opt);
                RunStatus last = seen.statuses.get(seen.statuses.size() - 1);
                assertTrue(
                        last.message().matches("diverged at step \\d+ \\(η = 10000\\.0\\): .*; lower the step size"),
                        last.message());
                // No snapshot with a non-finite value ever left the trainer.
                for (Snapshot s : seen.snapshots) {
                    Metrics m = s.metrics();
                    for (double v : new double[] {
                        m.risk(),
                        m.marginPath(),
                        m.marginFrobenius(),
                        m.weightNorm(),
                        m.motion(),
                        m.rotationMean(),
                        m.time()
                    }) {
                        assertTrue(Double.isFinite(v), regime + "/" + opt + ": " + m);
                    }
                }
                // A diverged run stays paused: Play is refused. The run's thread handles commands in order,
                // so once the save after it has run, a wrongly accepted Play would have announced RUNNING.
                int before = seen.statuses.size();
                run.play();
                java.util.concurrent.CompletableFuture<Recorder.Recording> barrier =
                        new java.util.concurrent.CompletableFuture<>();
                run.save(barrier::complete);
                long stepAtSave = barrier.get(10, TimeUnit.SECONDS)
                        .rows()
                        .get(barrier.get().rows().size() - 1)
                        .step();
                assertTrue(
                        seen.statuses.subList(before, seen.statuses.size()).stream()
                                .allMatch(st -> st.state() == RunState.DIVERGED),
                        regime + "/" + opt + ": Play after divergence");
                assertEquals(RunState.DIVERGED, run.state());
                assertEquals(last.step(), stepAtSave, "no step taken after divergence");
                assertTrue(run.stopAndWait(10_000));
            }
        }
    }

    @Test
    void oversizedRunsAreRefusedUpFront() {
        RunConfig huge = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.PARITY).withD(4096).withN(1_000_000))
                .withNetwork(NetworkSpec.defaults().withWidth(1 << 20));
        String message = MemoryGuard.check(huge);
        assertNotNull(message);
        assertTrue(message.startsWith("network.width = 1048576 with dataset.n = 1000000 needs about"), message);
        assertTrue(message.contains("MB"));
        assertNull(MemoryGuard.check(RunConfig.defaults()));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        for (Optimizer opt : Optimizer.values()) {
            RunConfig c = RunConfig.defaults()
                    .withDataset(DataSpec.defaults(DatasetKind.PARITY).withD(6).withN(600))
                    .withNetwork(NetworkSpec.defaults().withWidth(300))
                    .withTraining(TrainSpec.defaults()
                            .withOptimizer(opt)
                            .withBatchSize(200)
                            .withStepSize(0.3));
            Trainer one = new Trainer(c);
            one.setThreads(1);
            Trainer two = new Trainer(c);
            two.setThreads(2);
            one.steps(60);
            two.steps(60);
            assertArrayEquals(one.network().copyV(), two.network().copyV(), 0, opt.name());
            assertArrayEquals(one.network().copyA(), two.network().copyA(), 0, opt.name());
            assertEquals(one.snapshot(1).metrics(), two.snapshot(1).metrics(), opt.name() + ": metrics");
        }
        // The plane has kernels of its own; the metrics' output passes run in blocks on the pool too.
        RunConfig plane = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(300).withNTest(700))
                .withNetwork(NetworkSpec.defaults().withWidth(1000));
        Trainer one = new Trainer(plane);
        one.setThreads(1);
        Trainer two = new Trainer(plane);
        two.setThreads(2);
        one.steps(40);
        two.steps(40);
        assertEquals(one.snapshot(1).metrics(), two.snapshot(1).metrics(), "plane metrics");
        assertTrue(one.snapshot(1).metrics().patternsChanged() > 0);
    }

    @Test
    void longRunsKeepHistoryBoundedAndStopCleanlyWhenWeightsOutgrowDoubles() {
        // Loss-normalised steps grow ‖W‖ geometrically: at some step the weights overflow. Every
        // snapshot before that is finite, the history stays decimated, and the overflow is reported.
        RunConfig c = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.HALF_PLANE).withN(4).withNTest(4))
                .withNetwork(NetworkSpec.defaults().withWidth(2))
                .withTraining(TrainSpec.defaults()
                        .withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)
                        .withStepSize(1e-4));
        Trainer t = new Trainer(c);
        History history = new History(2000);
        String stop = null;
        while (t.stepCount() < 10_000_000L && stop == null) {
            t.steps(1000);
            Metrics m = t.snapshot(1).metrics();
            stop = Divergence.check(m);
            if (stop == null) {
                history.add(m);
                for (double v : new double[] {
                    m.logRisk(),
                    m.logTime(),
                    m.marginPath(),
                    m.marginFrobenius(),
                    m.weightNorm(),
                    m.motion(),
                    m.rotationMean()
                }) {
                    assertTrue(Double.isFinite(v), "step " + m.step() + ": " + m);
                }
            }
        }
        assertTrue(
                history.points().size() <= 2001,
                "history is decimated: " + history.points().size());
        assertEquals(null, stop, "10^7 steps at η = 1e-4 stay within double range");
        assertEquals(10_000_000L, t.stepCount());
        assertEquals(10_000, history.offered());
        // A step size a thousand times larger grows ‖W‖ geometrically past the double range: the
        // run is stopped with that explanation, never with a non-finite number shown.
        Trainer fast = new Trainer(c.withTraining(c.training().withStepSize(0.1)));
        String overflow = null;
        while (fast.stepCount() < 10_000_000L && overflow == null) {
            fast.steps(1000);
            Metrics m = fast.snapshot(1).metrics();
            overflow = Divergence.check(m, 1.0);
        }
        assertTrue(
                overflow != null
                        && (overflow.startsWith("the weights outgrew the range of double precision")
                                || overflow.startsWith("the gradient-flow time")),
                overflow);
    }
}
