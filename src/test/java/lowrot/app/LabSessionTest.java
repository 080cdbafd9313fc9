package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Regime;
import lowrot.io.LabConfig;
import lowrot.io.RunFile;
import lowrot.run.Recorder;
import lowrot.run.TrainingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session model without JavaFX: commands, the run-id check, references and replay, driven on the
 * test's thread through a manual executor (what the window runs on the FX thread).
 */
class LabSessionTest {
    private final ManualExecutor fx = new ManualExecutor();
    private BackgroundJobs jobs;
    private LabSession session;
    private int runsStarted;
    private int frames;

    private static LabConfig small() {
        LabConfig c = LabConfig.defaults();
        return c.withRun(c.run()
                        .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS)
                                .withN(40)
                                .withNTest(20)))
                .withNtkDirections(256);
    }

    @BeforeEach
    void open() {
        jobs = new BackgroundJobs(fx, () -> {});
        session = new LabSession(small(), fx, jobs, () -> {});
        session.setListener(new SessionListener() {
            @Override
            public void runStarted() {
                runsStarted++;
            }

            @Override
            public void frame() {
                frames++;
            }
        });
        session.start();
    }

    @AfterEach
    void close() {
        session.close();
        jobs.close();
    }

    /** Runs hand-offs as they arrive until the condition holds; a liveness bound, never a speed check. */
    private void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            if (fx.runAll() == 0) {
                fx.queuedWithin(1, 50);
            }
        }
    }

    @Test
    void stepDeliversTheSnapshotOfThisRunOnly() throws Exception {
        assertEquals(1, runsStarted);
        assertFalse(session.transport().playing());
        session.transport().step();
        until(() -> session.latest() != null && session.latest().step() == 10);
        assertEquals(session.run().runId(), session.latest().runId());
        assertTrue(frames > 0);
        assertTrue(session.history().points().size() >= 1);
        // A new width replaces the run; whatever the old run still had in flight is never shown.
        TrainingRun first = session.run();
        first.step(10);
        assertNull(session.tryConfig(session.config()
                .withRun(session.config()
                        .run()
                        .withNetwork(session.config().run().network().withWidth(32)))));
        assertEquals(2, runsStarted);
        assertFalse(session.current(first.runId()));
        assertNull(session.latest(), "a new run starts with no snapshot");
        fx.runAll();
        assertTrue(
                session.latest() == null
                        || session.latest().runId() == session.run().runId(),
                "a snapshot of the replaced run was taken for the new one");
        session.transport().step();
        until(() -> session.latest() != null && session.latest().width() == 32);
    }

    @Test
    void playPauseAndStepSetThePlayState() throws Exception {
        session.transport().play();
        assertTrue(session.transport().playing());
        until(() -> session.latest() != null && session.latest().step() > 50);
        session.transport().pause();
        assertFalse(session.transport().playing());
        session.transport().togglePlay();
        assertTrue(session.transport().playing());
        session.transport().step();
        assertFalse(session.transport().playing(), "a step pauses");
        assertEquals(
                "steps per frame = 0: allowed 1 to 100000", session.transport().setStepsPerFrame(0));
        assertNull(session.transport().setStepsPerFrame(25));
        assertEquals(25, session.transport().stepsPerFrame());
    }

    @Test
    void badInputIsRefusedAndTheRunKept() {
        TrainingRun run = session.run();
        String problem = session.tryConfig(session.config()
                .withRun(session.config()
                        .run()
                        .withNetwork(session.config().run().network().withWidth(0))));
        assertNotNull(problem);
        assertTrue(problem.contains("network.width"), problem);
        assertSame(run, session.run());
        assertTrue(session.commitEta(-1).contains("stepSize"), session.commitEta(-1));
        assertNull(session.commitEta(0.25));
        assertEquals(0.25, session.config().run().training().stepSize());
        assertSame(run, session.run(), "η changes without a restart");
        assertNull(session.applyPreset(Regime.NO_ROTATION));
        assertEquals(Regime.NO_ROTATION, session.config().run().training().regime());
        assertEquals(small().run().dataSeed(), session.config().run().dataSeed(), "presets keep the seeds");
    }

    @Test
    void referencesArriveOnTheSessionThread() throws Exception {
        assertTrue(session.referencesBusy());
        until(() -> !session.referencesBusy());
        assertNotNull(session.refs().global());
        assertTrue(session.refs().global().upperCertified());
        assertNotNull(session.refs().kernel());
        // A change of the reference settings computes them again; a new η does not.
        session.commitEta(0.3);
        assertFalse(session.referencesBusy());
        session.tryConfig(session.config().withGlobalTolerance(1e-4));
        assertTrue(session.referencesBusy());
        until(() -> !session.referencesBusy());
    }

    @Test
    void aSavedRunReplaysSnapshotBySnapshot(@TempDir Path dir) throws Exception {
        session.transport().step();
        until(() -> session.latest() != null && session.latest().step() == 10);
        session.transport().step();
        until(() -> session.latest().step() == 20);
        CompletableFuture<Recorder.Recording> recording = new CompletableFuture<>();
        session.run().save(recording::complete);
        Recorder.Recording rec = recording.get(30, TimeUnit.SECONDS);
        Path file = dir.resolve("run.json");
        RunFile.write(file, session.config(), session.data(), rec.snapshots());
        assertNull(session.replay().enter(RunFile.read(file)));
        assertTrue(session.replaying());
        int last = session.replay().size() - 1;
        assertEquals(last, session.replay().index());
        assertEquals(20, session.latest().step());
        session.replay().show(0);
        assertEquals(0, session.latest().step());
        assertEquals(1, session.history().points().size());
        assertTrue(session.showable(-1), "replayed frames belong to no run and are shown");
        session.transport().play();
        assertFalse(session.replaying(), "play leaves the replay and trains again");
    }
    /**
     * On neural-collapse data the run waits for the certified max-margin network (saying so) and then measures its
     * alignment with it from step 0: the same bits as the command line, which solves it before training too.
     */
    @Test
    void aCollapseRunMeasuresTheAlignmentTheCommandLineDoes(@TempDir Path dir) throws Exception {
        LabConfig base = LabConfig.defaults();
        LabConfig nc = base.withRun(base.run()
                        .withDataset(DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE)
                                .withD(4)
                                .withGroups(4)
                                .withN(60)
                                .withNTest(20))
                        .withTraining(base.run().training().withRegime(Regime.NEURAL_COLLAPSE)))
                .withNtkDirections(256);
        assertNull(session.tryConfig(nc));
        session.run().step(40);
        until(() -> session.status() != null
                && session.status().message().contains("max-margin network")
                && session.status().runId() == session.run().runId());
        until(() -> session.latest() != null && session.latest().step() == 40);
        assertNotNull(session.refs().global());
        assertFalse(session.refs().global().interim(), "the trainer started only with the final γ_gl");
        CompletableFuture<Recorder.Recording> recording = new CompletableFuture<>();
        session.run().save(recording::complete);
        Recorder.Recording rec = recording.get(30, TimeUnit.SECONDS);
        assertTrue(lowrot.core.train.Metrics.applies(rec.rows().get(0).optimalAlignment()));
        assertEquals(
                session.refs().global().atoms().alignment(rec.snapshots().get(0).network()),
                rec.rows().get(0).optimalAlignment());

        Path config = dir.resolve("nc.json");
        java.nio.file.Files.writeString(config, lowrot.io.ConfigJson.write(session.config()));
        int code = lowrot.cli.Cli.run(
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()),
                "run",
                config.toString(),
                "--steps",
                "40",
                "--out",
                dir.resolve("cli").toString(),
                "--no-progress",
                "--figure-size",
                "200");
        assertEquals(0, code);
        assertEquals(
                java.nio.file.Files.readString(dir.resolve("cli/metrics.csv")),
                lowrot.io.MetricsCsv.write(rec.rows()),
                "the window and the command line measure the same alignment");
    }
}
