package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.train.Metrics;
import lowrot.io.ComplexityCsv;
import lowrot.io.LabConfig;
import lowrot.render.ChartSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the tour end to end in the real window (headless), by keyboard: every stop loads its run, plays it to its
 * τ and pauses, outlines its figure, and quotes numbers that this test recomputes from the session's own history
 * in its own formats; the laziness stop's width record and scaling exponent, the last stop's exponents from the
 * shipped file, Back restoring a stop the user changed, Esc, and resuming where the tour was left.
 */
@ExtendWith(ApplicationExtension.class)
class TourTest {
    private MainWindow window;

    @BeforeAll
    static void freshPrefs() throws Exception {
        Files.deleteIfExists(WindowPrefs.standard().file());
    }

    @Start
    void start(Stage s) {
        window = new MainWindow(s, LabConfig.defaults());
        s.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static String deg(double radians) {
        return String.format(Locale.ROOT, "%.2f°", Math.toDegrees(radians));
    }

    private static String g4(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static String k2(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '−');
    }

    /** Waits until the stop's run is the session's and has paused itself at the stop's τ. */
    private void waitForTarget(int k) throws Exception {
        TourStop stop = TourStops.ALL.get(k);
        waitFor(
                120,
                () -> window.tour().stop() == k
                        && window.session().config().equals(stop.config())
                        && window.session().latest() != null
                        && window.session().latest().time() >= stop.targetTime()
                        && !window.session().transport().playing()
                        && !window.session().history().points().isEmpty()
                        && window.session()
                                        .history()
                                        .points()
                                        .get(window.session().history().points().size() - 1)
                                        .time()
                                >= stop.targetTime());
    }

    /** The tour's text rewritten now, with the history's first and last rows read at the same moment. */
    private Object[] readNow(FxRobot robot) {
        Object[] out = new Object[3];
        robot.interact(() -> {
            window.tour().refresh();
            List<Metrics> points = window.session().history().points();
            out[0] = window.tour().text();
            out[1] = points.get(0);
            out[2] = points.get(points.size() - 1);
        });
        return out;
    }

    private void assertOutlined(FxRobot robot, ChartSet.Panel focus, boolean circle) {
        robot.interact(() -> {
            LiveFigures f = window.figures();
            assertEquals(circle, f.view(null).getStyleClass().contains(LiveFigures.HIGHLIGHT), "circle view");
            for (ChartSet.Panel p : ChartSet.Panel.values()) {
                assertEquals(p == focus, f.view(p).getStyleClass().contains(LiveFigures.HIGHLIGHT), p.name());
            }
        });
    }

    private static void assertQuotes(String text, String... numbers) {
        for (String n : numbers) {
            assertTrue(text.contains(n), "the text quotes " + n + ":\n" + text);
        }
    }

    @Test
    void everyStopPlaysItsRunPointsAtItsFigureAndQuotesTheRunsNumbers(FxRobot robot) throws Exception {
        robot.interact(() -> window.tour().open());

        // 1. Near initialization.
        waitForTarget(0);
        assertOutlined(robot, ChartSet.Panel.KERNEL, false);
        Object[] r = readNow(robot);
        Metrics now = (Metrics) r[2];
        assertQuotes(
                (String) r[0],
                "m = 4096",
                deg(now.rotationMean()),
                deg(now.rotationMax()),
                g4(now.marginDisplacement()),
                g4(now.motionPerSqrtM()),
                pct(now.trainError()));
        robot.interact(() -> assertEquals(
                "Play",
                window.stage().getScene().lookup("#play") instanceof javafx.scene.control.Labeled l
                        ? l.getText()
                        : null,
                "a run paused at its target shows Play"));

        // 2. Laziness: m = 256, then the user takes the width to 1024; both reach τ and are compared.
        robot.type(KeyCode.PAGE_DOWN);
        waitForTarget(1);
        assertOutlined(robot, ChartSet.Panel.ROTATION, false);
        r = readNow(robot);
        double rot256 = ((Metrics) r[2]).rotationMean();
        assertQuotes((String) r[0], "m = 256: " + deg(rot256), g4(Math.sqrt(256) * rot256));
        LabConfig wide = TourStops.ALL.get(1).config();
        LabConfig wider =
                wide.withRun(wide.run().withNetwork(wide.run().network().withWidth(1024)));
        robot.interact(() -> assertEquals(null, window.session().tryConfig(wider)));
        waitFor(
                120,
                () -> window.session().config().equals(wider)
                        && window.session().latest() != null
                        && window.session().latest().time() >= 1000
                        && !window.session().transport().playing());
        r = readNow(robot);
        double rot1024 = ((Metrics) r[2]).rotationMean();
        assertQuotes(
                (String) r[0],
                "m = 256: " + deg(rot256),
                "m = 1024: " + deg(rot1024),
                "m^" + k2(Math.log(rot1024 / rot256) / Math.log(4)));

        // 3. Neural collapse: the alignment to the max-margin atoms, first and now.
        robot.type(KeyCode.PAGE_DOWN);
        waitForTarget(2);
        assertOutlined(robot, ChartSet.Panel.FEATURES, false);
        r = readNow(robot);
        now = (Metrics) r[2];
        assertTrue(Metrics.applies(now.optimalAlignment()), "the run had the max-margin network");
        assertQuotes(
                (String) r[0],
                g4(((Metrics) r[1]).optimalAlignment()),
                g4(now.optimalAlignment()),
                g4(now.marginPath()));

        // 4. No rotation: the largest rotation is nil, the margin against the no-rotation limit.
        robot.type(KeyCode.PAGE_DOWN);
        waitForTarget(3);
        assertOutlined(robot, ChartSet.Panel.MARGIN, false);
        r = readNow(robot);
        now = (Metrics) r[2];
        assertEquals(0, now.rotationMax(), 1e-9);
        assertQuotes(
                (String) r[0],
                "largest rotation is " + deg(now.rotationMax()),
                g4(now.marginPath()),
                "these 256 frozen directions");

        // 5. Parity: feature share first and now, the learned plane's overlap, the test error.
        robot.type(KeyCode.PAGE_DOWN);
        waitForTarget(4);
        assertOutlined(robot, ChartSet.Panel.FEATURES, false);
        r = readNow(robot);
        now = (Metrics) r[2];
        double[] overlap = new double[1];
        robot.interact(
                () -> overlap[0] = window.session().latest().learnedPlane().overlap());
        assertQuotes(
                (String) r[0],
                g4(((Metrics) r[1]).featureShare()),
                g4(now.featureShare()),
                g4(overlap[0]),
                pct(now.testError()),
                "2/d = 0.2000");
        robot.interact(() ->
                assertTrue(window.session().pictures().circleOptions().plane().learned()));
        // The user plays with the controls here: a narrower network.
        LabConfig parity = TourStops.ALL.get(4).config();
        robot.interact(() -> assertEquals(
                null,
                window.session()
                        .tryConfig(parity.withRun(
                                parity.run().withNetwork(parity.run().network().withWidth(32))))));

        // 6. Kernel against feature learning: the exponents of the shipped results, the figure beside them.
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(60, () -> window.tour().complexity() != null);
        assertOutlined(robot, null, false);
        String text = readNow(robot)[0].toString();
        String shipped;
        try (var in = TourTest.class.getResourceAsStream(ShippedComplexity.RESOURCE)) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var cells = ComplexityCsv.parseAll(shipped);
        var exponents = ComplexityAnalysis.exponents(
                ComplexityAnalysis.needed(cells, lowrot.core.experiment.SampleComplexity.EPSILON));
        assertEquals(4, exponents.size());
        for (ComplexityAnalysis.Exponent e : exponents) {
            assertQuotes(text, e.learner().label() + " k = " + k2(e.fit().slope()));
        }

        // Back restores stop 5's run after the user's change; Esc closes; Help → Tour resumes there.
        robot.type(KeyCode.PAGE_UP);
        waitFor(60, () -> window.tour().stop() == 4 && window.session().config().equals(parity));
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> {
            assertEquals(-1, window.tour().stop());
            assertFalse(window.stage().getScene().lookup("#tourCard").isVisible());
        });
        assertOutlined(robot, null, false);
        robot.interact(() -> window.tour().open());
        robot.interact(() -> assertEquals(4, window.tour().stop()));
    }
}
