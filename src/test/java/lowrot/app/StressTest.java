package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import lowrot.io.ConfigJson;
import lowrot.io.LabConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 2,000 random actions while training runs ({@link StressDriver}): no uncaught exception; after every
 * action the width shown is the width trained and a drawn snapshot belongs to the current run; the
 * FX thread stays alive (every action and every heartbeat is served within 10 s, a bound no healthy
 * machine misses); the picture catches up with the run; a config saved meanwhile is the window's.
 * The speed figures themselves are a measurement, not a test: {@code --stress 2000} prints them.
 */
@ExtendWith(ApplicationExtension.class)
class StressTest {
    private MainWindow window;

    @Start
    void start(Stage s) {
        window = new MainWindow(s, LabConfig.defaults());
        s.show();
    }

    @Test
    void twoThousandRandomActions(FxRobot robot, @TempDir Path dir) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> failure[0] = e);
        StressDriver.Report report;
        try {
            report = new StressDriver(window, Platform::runLater, dir).run(2000, 2026, w -> {
                assertEquals(
                        w.session().config().run().network().width(),
                        w.session().run().config().network().width(),
                        "the width shown is the width trained");
                if (w.session().latest() != null && !w.session().replaying()) {
                    assertEquals(w.session().run().runId(), w.session().latest().runId(), "stale snapshot drawn");
                    assertEquals(
                            w.session().run().config().network().width(),
                            w.session().latest().width());
                }
            });
            robot.interact(() -> window.session().transport().play());
            // On neural-collapse data the run takes its first step once the max-margin network is solved (16 s
            // alone for the preset's d = 16 data, longer on a loaded machine): a liveness bound, not a speed.
            WaitForAsyncUtils.waitFor(
                    120,
                    TimeUnit.SECONDS,
                    () -> window.session().latest() != null
                            && window.session().latest().step() > 0);
            // The picture catches up: the circle view shows a snapshot of the run now training, at its width (the
            // painter runs at a lowered priority: on a machine whose cores are busy that takes seconds).
            WaitForAsyncUtils.waitFor(
                    60,
                    TimeUnit.SECONDS,
                    () -> window.drawn() != null
                            && window.drawn().runId() == window.session().run().runId()
                            && window.drawn().width()
                                    == window.session().config().run().network().width());
            // Saving goes through the file thread, which works in order: once a first file exists, every
            // open the driver queued has been read and handed to the FX thread (applied before the next
            // interact). Then a config no action produces is saved: what lands on disk is exactly it.
            Path drained = dir.resolve("drained.json");
            robot.interact(() -> window.files().saveConfig(drained));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(drained));
            Path saved = dir.resolve("final.json");
            LabConfig[] shown = new LabConfig[1];
            robot.interact(() -> {
                assertNull(window.session()
                        .tryConfig(window.session()
                                .config()
                                .withRun(window.session().config().run().withSeeds(4242, 4243))));
                shown[0] = window.session().config();
                window.files().saveConfig(saved);
            });
            // The file thread runs its work in order and writes all or nothing: once the file exists, it is
            // whole and every earlier export has finished.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved));
            assertEquals(shown[0], ConfigJson.read(saved));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(null);
            robot.interact(() -> window.shutdown());
        }
        assertNull(failure[0], "uncaught exception");
        assertEquals(2000, report.actionNanos().length);
        assertTrue(
                report.lagNanos().length > 0 && report.lagNanos().length == report.beatsPosted(),
                "every heartbeat answered");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no partial file left");
        }
    }
}
