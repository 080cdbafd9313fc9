package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import lowrot.core.model.Regime;
import lowrot.core.train.Snapshot;
import lowrot.io.LabConfig;
import lowrot.render.CircleLayout;
import lowrot.run.TrainingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle): play, width slider, regimes, step size, export, bad input, close. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        window = new MainWindow(s, LabConfig.defaults());
        s.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private int marginPoints(FxRobot robot) {
        int[] count = new int[1];
        robot.interact(() -> {
            count[0] = window.chartedMarginPoints();
        });
        return count[0];
    }

    /** Nice values of this process's threads whose names start with the prefix (Linux). */
    private static java.util.List<Integer> niceOf(String prefix) throws Exception {
        java.util.List<Integer> nice = new java.util.ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith(prefix)) {
                        nice.add(Integer.parseInt(
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                    }
                } catch (java.io.IOException e) {
                    // The thread ended meanwhile.
                }
            }
        }
        return nice;
    }

    @Test
    void backgroundThreadsYieldTheCpuToTheWindow(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isReadable(Path.of("/proc/thread-self/stat")) && Files.isExecutable(Path.of("/usr/bin/renice")),
                "Linux with renice");
        // Wide enough that the steps are split over the step pool's workers.
        robot.interact(() -> assertEquals(
                null,
                window.session()
                        .tryConfig(window.session()
                                .config()
                                .withRun(window.session()
                                        .config()
                                        .run()
                                        .withNetwork(window.session()
                                                .config()
                                                .run()
                                                .network()
                                                .withWidth(2048))))));
        robot.clickOn("#play");
        waitFor(
                20,
                () -> window.session().latest() != null
                        && window.session().latest().step() > 200);
        // Native names are cut to 15 characters: "lowrot-trainer-" and "lowrot-painter".
        String[] backgrounds = {"lowrot-trainer", "lowrot-step-", "lowrot-painter", "lowrot-solver"};
        waitFor(20, () -> {
            for (String background : backgrounds) {
                if (niceOf(background).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        for (String background : backgrounds) {
            java.util.List<Integer> nice = niceOf(background);
            // The solvers yield to the trainer and the painter as well.
            int expected = background.equals("lowrot-solver") ? 15 : 10;
            assertTrue(
                    nice.stream().allMatch(v -> v == expected),
                    background + " threads run at nice " + expected + ": " + nice);
        }
        int[] fxNice = new int[1];
        robot.interact(() -> fxNice[0] = Niceness.currentNice());
        assertEquals(0, fxNice[0], "the FX thread keeps its priority");
    }

    @Test
    void playMakesTheStepCounterAndTheMarginSeriesGrow(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() > 500);
        waitFor(10, () -> marginPoints(robot) > 5);
        int before = marginPoints(robot);
        long stepBefore = window.session().latest().step();
        waitFor(
                10,
                () -> marginPoints(robot) > before && window.session().latest().step() > stepBefore);
        Label step = robot.lookup("#stepLabel").queryAs(Label.class);
        assertTrue(step.getText().startsWith("step "), step.getText());
        assertNotEquals("step 0", step.getText());
        assertTrue(window.session().transport().playing());
    }

    @Test
    void spaceAndArrowKeysDriveTheRun(FxRobot robot) throws Exception {
        robot.clickOn("#circle");
        robot.type(KeyCode.RIGHT);
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() == 10);
        robot.type(KeyCode.SPACE);
        waitFor(10, () -> window.session().latest().step() > 100);
        robot.type(KeyCode.SPACE);
        assertFalse(window.session().transport().playing());
        // F3 shows the performance overlay with the frame and pulse times it measured meanwhile.
        assertFalse(window.perf().node().isVisible());
        robot.type(KeyCode.F3);
        assertTrue(window.perf().node().isVisible());
        // The overlay measured while hidden and now shows live figures: frame times and the trainer's rate.
        Label overlay = (Label) window.perf().node();
        robot.type(KeyCode.SPACE);
        waitFor(
                10,
                () -> overlay.getText()
                        .matches("(?s)frame \\d+\\.\\d ms \\(p95 \\d+\\.\\d ms\\)\\nFX pulse p95 "
                                + "\\d+\\.\\d ms\\n[1-9][\\d,]* steps/s\\n.*"));
        robot.type(KeyCode.SPACE);
        assertTrue(window.perf().frames() > 0, window.perf().report());
        robot.type(KeyCode.F3);
        assertFalse(window.perf().node().isVisible());
    }

    @Test
    void draggingTheWidthSliderRestartsAtTheNewWidth(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() > 0);
        TrainingRun first = window.session().run();
        robot.drag("#widthSlider .thumb").moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(10, () -> window.session().run() != first);
        int width = window.session().config().run().network().width();
        assertTrue(width > 64, "width after dragging right: " + width);
        assertEquals(width, window.session().run().config().network().width());
        assertEquals(first.config().initSeed(), window.session().run().config().initSeed(), "same seeds");
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().width() == width
                        && window.session().latest().step() > 0);
        assertTrue(window.session().transport().playing(), "a playing run keeps playing at the new width");
        // The window itself stops the run it replaced: its thread ends without help from the test.
        waitFor(10, () -> !first.isAlive());
        assertEquals(lowrot.run.RunState.STOPPED, first.state());
    }

    @Test
    void noRotationKeepsEveryNeuronAtItsInitialAngle(FxRobot robot) throws Exception {
        robot.interact(() -> window.applyPreset(Regime.NO_ROTATION));
        robot.interact(() -> window.session().run().step(200));
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() == 200);
        Snapshot s = window.session().latest();
        assertTrue(s.frozenDirections());
        assertTrue(s.metrics().motion() > 0, "the norms moved");
        for (int j = 0; j < s.width(); j++) {
            double now = CircleLayout.Plane.DEFAULT.angle(s, j);
            double start = CircleLayout.Plane.DEFAULT.initialAngle(s, j);
            assertEquals(start, now, 1e-12, "neuron " + j);
            assertEquals(0.0, s.rotation(j));
        }
    }

    @Test
    void changingTheStepSizeWhileRunningTakesEffect(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() > 50);
        TrainingRun run = window.session().run();
        TextField eta = robot.lookup("#training-stepSize").queryAs(TextField.class);
        // The field sits below the fold of the control panel: type into it and press Enter in code.
        robot.interact(() -> {
            eta.setText("0.05");
            eta.getOnAction().handle(new javafx.event.ActionEvent());
        });
        waitFor(
                10,
                () -> window.session().status() != null
                        && window.session().status().stepSize() == 0.05);
        assertEquals(run, window.session().run(), "η changes without a restart");
        // Every step after the one the status names runs at η = 0.05; a snapshot taken before it may still
        // be on its way to the FX thread, so the first snapshot compared is one taken after it.
        long changedAt = window.session().status().step();
        waitFor(10, () -> window.session().latest().step() >= changedAt);
        Snapshot first = window.session().latest();
        waitFor(10, () -> window.session().latest().step() > first.step() + 100);
        Snapshot later = window.session().latest();
        // τ advances by η per step: 0.05 now.
        assertEquals(0.05 * (later.step() - first.step()), later.time() - first.time(), 1e-6 * later.time());
    }

    @Test
    void exportWritesAPngOfTheRequestedSize(FxRobot robot, @TempDir Path dir) throws Exception {
        waitFor(10, () -> window.session().latest() != null);
        for (ExportTarget t : ExportTarget.values()) {
            Path file = dir.resolve(t.fileName() + ".png");
            robot.interact(() -> {
                try {
                    window.exports().now(t, file, 640, 400, 2);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            BufferedImage img = ImageIO.read(file.toFile());
            int expectedWidth = t == ExportTarget.COMPOSITE ? 2 * lowrot.render.Figures.compositeWidth(400) : 1280;
            assertEquals(expectedWidth, img.getWidth(), t.name());
            assertEquals(800, img.getHeight(), t.name());
        }
        try (var files = Files.list(dir)) {
            assertEquals(ExportTarget.values().length, files.count(), "no temporary files left");
        }
    }

    @Test
    void exportToAnUnwritablePlaceFailsWithThePath(FxRobot robot, @TempDir Path dir) throws Exception {
        waitFor(10, () -> window.session().latest() != null);
        Path bad = dir.resolve("no-such-folder").resolve("margin.png");
        String[] message = new String[1];
        robot.interact(() -> {
            try {
                window.exports().now(ExportTarget.MARGIN, bad, 300, 200, 1);
            } catch (java.io.IOException e) {
                message[0] = e.getMessage();
            }
        });
        assertTrue(message[0] != null && message[0].contains("no-such-folder"), message[0]);
    }

    @Test
    void aNonNumericWidthShowsTheFieldMessageAndKeepsTheRun(FxRobot robot) throws Exception {
        waitFor(10, () -> window.session().latest() != null);
        TrainingRun run = window.session().run();
        TextField width = robot.lookup("#network-width").queryAs(TextField.class);
        robot.clickOn(width).eraseText(width.getText().length()).write("abc").type(KeyCode.ENTER);
        Label error = (Label) width.getParent().getChildrenUnmodifiable().get(2);
        waitFor(10, error::isVisible);
        assertEquals("width m: \"abc\" is not a whole number", error.getText());
        assertEquals(run, window.session().run());
        robot.clickOn(width).eraseText(3).write("0").type(KeyCode.ENTER);
        waitFor(10, () -> error.getText().contains("allowed 1 to"));
        assertEquals("width m: 0 is out of range: allowed 1 to 1048576", error.getText());
        robot.clickOn(width).eraseText(1).write("1e9").type(KeyCode.ENTER);
        waitFor(10, () -> error.getText().startsWith("width m: 1e9"));
        assertEquals("width m: 1e9 is out of range: allowed 1 to 1048576", error.getText());
        assertEquals(run, window.session().run());
        assertEquals(64, window.session().config().run().network().width());
        // Esc leaves the field; then Space drives the run again instead of typing into the field.
        robot.type(KeyCode.ESCAPE);
        assertFalse(width.isFocused());
        robot.type(KeyCode.SPACE);
        waitFor(10, () -> window.session().transport().playing());
        assertEquals("1e9", width.getText());
    }

    @Test
    void onlyTheFieldsThatApplyAreShown(FxRobot robot) throws Exception {
        java.util.function.Function<String, Boolean> shown = id ->
                robot.lookup("#" + id).queryAs(TextField.class).getParent().isVisible();
        waitFor(10, () -> window.session().latest() != null);
        // Quadrants with gradient flow: the gap applies; groups, spread, sectors and the batch size do not.
        assertTrue(shown.apply("dataset-gapDegrees"));
        for (String id : new String[] {"dataset-groups", "dataset-spread", "dataset-sectors", "training-batchSize"}) {
            assertFalse(shown.apply(id), id);
        }
        var c = window.session().config();
        robot.interact(() -> window.session()
                .tryConfig(c.withRun(c.run()
                        .withDataset(lowrot.core.data.DataSpec.defaults(lowrot.core.data.DatasetKind.NEURAL_COLLAPSE))
                        .withTraining(c.run().training().withOptimizer(lowrot.core.model.Optimizer.SGD)))));
        waitFor(10, () -> shown.apply("dataset-groups"));
        assertTrue(shown.apply("dataset-spread") && shown.apply("training-batchSize"));
        assertFalse(shown.apply("dataset-gapDegrees"));
        assertFalse(shown.apply("dataset-sectors"));
    }

    @Test
    void theSliderLabelsShowTheValueInForce(FxRobot robot) throws Exception {
        TextField eta = robot.lookup("#training-stepSize").queryAs(TextField.class);
        robot.interact(() -> {
            eta.setText("1000");
            eta.getOnAction().handle(new javafx.event.ActionEvent());
        });
        waitFor(10, () -> window.session().config().run().training().stepSize() == 1000);
        Label etaValue = robot.lookup("#etaValue").queryAs(Label.class);
        waitFor(10, () -> etaValue.getText().equals("η = 1000"));
        TextField width = robot.lookup("#network-width").queryAs(TextField.class);
        robot.clickOn(width).eraseText(width.getText().length()).write("100000").type(KeyCode.ENTER);
        waitFor(10, () -> window.session().config().run().network().width() == 100_000);
        Label widthValue = robot.lookup("#widthValue").queryAs(Label.class);
        waitFor(10, () -> widthValue.getText().equals("m = 100000"));
    }

    /** A label resting on a neuron follows the run: as the neurons move it describes what is under it now. */
    @Test
    void theHoverLabelFollowsTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> window.session()
                .tryConfig(window.session()
                        .config()
                        .withRun(window.session()
                                .config()
                                .run()
                                .withNetwork(window.session()
                                        .config()
                                        .run()
                                        .network()
                                        .withWidth(16)))));
        waitFor(10, () -> window.drawn() != null && window.drawn().width() == 16);
        BitmapView view = robot.lookup("#circle").queryAs(BitmapView.class);
        lowrot.core.train.Snapshot shown = window.drawn();
        double[] at = new lowrot.render.CircleLayout(view.getWidth(), view.getHeight())
                .neuronPixel(shown, window.session().pictures().circleOptions().plane(), 0);
        robot.moveTo(view.localToScreen(at[0], at[1]));
        waitFor(10, () -> window.circleHoverText() != null);
        String before = window.circleHoverText();
        assertTrue(before.startsWith("neuron "), before);
        robot.interact(() -> window.session().run().step(3000));
        waitFor(30, () -> window.drawn().step() == 3000);
        waitFor(10, () -> !java.util.Objects.equals(window.circleHoverText(), before));
    }

    @Test
    void aSavedRunMatchesTheCommandLineAndReplays(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.session().run().step(200));
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() == 200);
        Path gui = Files.createDirectories(dir.resolve("gui"));
        String[] result = {"pending"};
        robot.interact(() -> window.files().saveRun(gui, r -> result[0] = r));
        waitFor(10, () -> !"pending".equals(result[0]));
        assertEquals(null, result[0]);
        Path config = dir.resolve("config.json");
        Files.writeString(config, lowrot.io.ConfigJson.write(window.session().config()));
        int code = lowrot.cli.Cli.run(
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()),
                "run",
                config.toString(),
                "--steps",
                "200",
                "--out",
                dir.resolve("cli").toString(),
                "--no-progress",
                "--figure-size",
                "200");
        assertEquals(0, code);
        assertEquals(
                Files.readString(dir.resolve("cli/metrics.csv")),
                Files.readString(gui.resolve("metrics.csv")),
                "the window and the command line record the same metrics");

        robot.interact(() -> window.files().openRun(gui.resolve("run.json")));
        waitFor(10, () -> window.session().replaying());
        robot.interact(() -> window.scrubTo(0));
        assertEquals(0, window.session().latest().step());
        assertEquals(1, window.session().history().points().size());
        robot.interact(() -> window.scrubTo(10));
        assertEquals(100, window.session().latest().step());
        assertEquals(11, window.session().history().points().size());
    }

    @Test
    void importingCsvReplacesTheDataAndNamesBadLines(FxRobot robot, @TempDir Path dir) throws Exception {
        Path good = dir.resolve("pts.csv");
        Files.writeString(good, "x1,x2,y\n3,4,1\n-1,0.5,0\n0.2,-0.9,1\n");
        robot.interact(() -> window.files().importCsv(good));
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().metrics() != null
                        && window.session().config().run().dataset().kind() == lowrot.core.data.DatasetKind.POINTS);
        assertEquals(3, window.session().config().run().dataset().points().n());
        assertTrue(
                window.messageLabel().getText().contains("divided by 5"),
                window.messageLabel().getText());
    }

    @Test
    void aHugeStepSizeDivergesAndPausesWithAMessage(FxRobot robot) throws Exception {
        robot.interact(() -> window.commitEta(1e4));
        robot.clickOn("#play");
        waitFor(
                10,
                () -> window.session().status() != null
                        && window.session().status().state() == lowrot.run.RunState.DIVERGED);
        waitFor(10, () -> !window.session().transport().playing());
        Label state = robot.lookup("#state").queryAs(Label.class);
        assertEquals("diverged", state.getText());
        assertTrue(
                window.messageLabel().getText().startsWith("diverged at step "),
                window.messageLabel().getText());
        assertTrue(window.messageLabel().getText().endsWith("lower the step size"));
        for (lowrot.core.train.Metrics m : window.session().history().points()) {
            assertTrue(Double.isFinite(m.risk()) && Double.isFinite(m.marginPath()), m.toString());
        }
    }

    @Test
    void theRecordButtonWritesAnAnimationAndStopsOne(FxRobot robot, @TempDir Path dir) throws Exception {
        AnimationRecorder recorder = window.recorder();
        Path gif = dir.resolve("run.gif");
        String[] problem = new String[1];
        robot.interact(
                () -> problem[0] = recorder.start(gif, new lowrot.report.Animator.Settings(0.4, 10, 320, 180, true)));
        assertEquals(null, problem[0]);
        waitFor(60, recorder::finished);
        assertEquals("recorded run.gif (4 frames)", recorder.state());
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var reader =
                    javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            assertEquals(320, reader.getWidth(0));
        }
        // A long recording stopped by the same button leaves no file.
        Path mp4 = dir.resolve("long.mp4");
        robot.interact(() -> recorder.start(mp4, new lowrot.report.Animator.Settings(600, 25, 640, 360, true)));
        robot.interact(recorder::toggle);
        waitFor(30, recorder::finished);
        assertEquals("recording cancelled; no file written", recorder.state());
        try (var files = Files.list(dir)) {
            assertEquals(
                    java.util.List.of("run.gif"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
        robot.interact(
                () -> problem[0] = recorder.start(dir.resolve("x.avi"), lowrot.report.Animator.Settings.defaults()));
        assertEquals("file: x.avi must end in .gif or .mp4", problem[0]);
    }

    @Test
    void theClaimsCanBeCancelled(FxRobot robot) throws Exception {
        ClaimsPane[] pane = new ClaimsPane[1];
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> {
            pane[0] = new ClaimsPane(monitor -> {
                started.countDown();
                while (true) {
                    monitor.checkCancelled();
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            });
            pane[0].start();
        });
        assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
        robot.interact(() -> pane[0].cancel());
        waitFor(10, pane[0]::finished);
        assertEquals("cancelled", pane[0].message());
        assertTrue(pane[0].claims().isEmpty());
    }

    @Test
    void theExperimentsWindowRunsAWidthSweepAndExports(FxRobot robot, @TempDir Path dir) throws Exception {
        ExperimentsWindow[] ex = new ExperimentsWindow[1];
        robot.interact(() -> {
            ex[0] = window.openExperiments();
            ex[0].show();
        });
        TextField widths = robot.lookup("#sweepWidths").queryAs(TextField.class);
        TextField seeds = robot.lookup("#sweepSeeds").queryAs(TextField.class);
        TextField time = robot.lookup("#sweepTime").queryAs(TextField.class);
        String[] problem = new String[1];
        robot.interact(() -> {
            widths.setText("4,abc");
            problem[0] = ex[0].start();
        });
        assertEquals("widths: \"abc\" is not a whole number; allowed 1 to 1048576", problem[0]);
        robot.interact(() -> {
            widths.setText("4,8,16");
            seeds.setText("2");
            time.setText("3");
            problem[0] = ex[0].start();
        });
        assertEquals(null, problem[0]);
        waitFor(30, () -> ex[0].finished());
        assertEquals(6, ex[0].points().size());
        assertTrue(ex[0].points().stream().allMatch(p -> p.metrics().time() >= 3));
        Path png = dir.resolve("sweep.png");
        robot.interact(() -> {
            try {
                ex[0].export(png);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(1800, ImageIO.read(png.toFile()).getWidth());
        assertTrue(
                ex[0].exponentsText().contains("mean rotation")
                        && ex[0].exponentsText().contains("m^"),
                ex[0].exponentsText());

        ComplexityPane cx = ex[0].complexity();
        robot.interact(() -> {
            robot.lookup("#complexityD0").queryAs(TextField.class).setText("1,4");
            problem[0] = cx.start();
        });
        assertEquals("kernel d: 1 is outside the allowed range, 2 to 256", problem[0]);
        robot.interact(() -> {
            robot.lookup("#complexityD0").queryAs(TextField.class).setText("4,6");
            for (int i = 1; i < 4; i++) {
                robot.lookup("#complexityD" + i).queryAs(TextField.class).setText("");
            }
            robot.lookup("#complexityN").queryAs(TextField.class).setText("16");
            problem[0] = cx.start();
        });
        assertEquals(null, problem[0]);
        waitFor(60, cx::finished);
        assertTrue(
                cx.cells().size() >= 2 * 3
                        && cx.cells().stream().allMatch(c -> c.learner() == lowrot.core.experiment.Learner.KERNEL),
                cx.cells().toString());
        assertTrue(cx.summaryText().contains("NTK kernel predictor:"), cx.summaryText());
        Path cxPng = dir.resolve("complexity.png");
        robot.interact(() -> {
            try {
                cx.export(cxPng);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(1800, ImageIO.read(cxPng.toFile()).getWidth());
        robot.interact(() -> ex[0].stage().close());
    }

    @Test
    void theViewPlaneIsChosenAndChecked(FxRobot robot) throws Exception {
        robot.interact(() -> window.session()
                .tryConfig(window.session()
                        .config()
                        .withRun(window.session()
                                .config()
                                .run()
                                .withDataset(lowrot.core.data.DataSpec.defaults(lowrot.core.data.DatasetKind.PARITY)
                                        .withD(5)))));
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().dim() == 5);
        String[] problem = new String[1];
        robot.interact(() -> problem[0] = window.setPlane("3", "9"));
        assertEquals("view plane axis b = 9 is out of range: allowed 1 to 5", problem[0]);
        robot.interact(() -> problem[0] = window.setPlane("2", "2"));
        assertTrue(problem[0].contains("must differ"));
        robot.interact(() -> problem[0] = window.setPlane("3", "4"));
        assertEquals(null, problem[0]);
        Snapshot s = window.session().latest();
        CircleLayout.Plane plane = new CircleLayout.Plane(2, 3);
        assertEquals(Math.atan2(s.v(0, 3), s.v(0, 2)), plane.angle(s, 0), 0);
        // The learned plane: the check box switches the circle view to the network's own plane.
        javafx.scene.control.CheckBox learned =
                robot.lookup("#learnedPlane").queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(learned::fire);
        assertTrue(window.session()
                .pictures()
                .scene(window.session().latest())
                .options()
                .plane()
                .learned());
        robot.interact(() -> window.session().transport().step());
        waitFor(10, () -> window.drawn() != null && window.drawn().step() > s.step());
        robot.interact(learned::fire);
        assertFalse(window.session()
                .pictures()
                .scene(window.session().latest())
                .options()
                .plane()
                .learned());
        assertEquals(
                2,
                window.session()
                        .pictures()
                        .scene(window.session().latest())
                        .options()
                        .plane()
                        .a(),
                "back to the typed axes");
    }

    @Test
    void closingTheWindowStopsTheTrainer(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitFor(
                10,
                () -> window.session().latest() != null
                        && window.session().latest().step() > 10);
        TrainingRun run = window.session().run();
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        // Liveness, not speed: the trainer's thread ends on its own once the window closes.
        waitFor(10, () -> !run.isAlive());
        assertEquals(lowrot.run.RunState.STOPPED, run.state());
    }
}
