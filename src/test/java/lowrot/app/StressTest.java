package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import lowrot.core.DataSpec;
import lowrot.core.DatasetKind;
import lowrot.core.Regime;
import lowrot.core.Rng;
import lowrot.io.LabConfig;
import lowrot.render.ChartOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 2,000 random actions while training runs: no uncaught exception, every action returns to the FX
 * thread within 100 ms, a heartbeat posted every 5 ms is served within 100 ms (p99.9; the worst is
 * printed), the width shown is the width trained, and no stale snapshot is drawn.
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
        Rng rng = new Rng(2026);
        List<Long> actionNanos = Collections.synchronizedList(new ArrayList<>());
        java.util.Map<Integer, Long> slowest = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong worstLatency = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        heartbeat.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long lag = System.nanoTime() - posted;
                worstLatency.accumulateAndGet(lag, Math::max);
                latencies.add(lag);
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        Path config = dir.resolve("c.json");
        Throwable[] failure = new Throwable[1];
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> failure[0] = e);
        try {
            for (int k = 0; k < 2000; k++) {
                int action = rng.nextInt(13);
                int pick = rng.nextInt(1000);
                onFx(() -> {
                    long t0 = System.nanoTime();
                    act(action, pick, dir, config);
                    long took = System.nanoTime() - t0;
                    actionNanos.add(took);
                    slowest.merge(action, took, Math::max);
                    // The width shown is the width trained; a drawn snapshot belongs to the current run.
                    assertEquals(window.config().run().network().width(), window.run().config().network().width());
                    if (window.latest() != null && !window.replaying()) {
                        assertEquals(window.run().runId(), window.latest().runId(), "stale snapshot drawn");
                        assertEquals(window.run().config().network().width(), window.latest().width());
                    }
                });
                if (k % 20 == 0) {
                    Thread.sleep(10); // let snapshots and solver results arrive between bursts
                }
                if (k % 100 == 0) {
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
            robot.interact(() -> window.play());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.latest() != null && window.latest().step() > 0);
            // The picture catches up: the circle view shows a snapshot of the run now training, at its width.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.drawn() != null
                    && window.drawn().runId() == window.run().runId()
                    && window.drawn().width() == window.config().run().network().width());
        } finally {
            heartbeat.shutdownNow();
            Thread.setDefaultUncaughtExceptionHandler(null);
            robot.interact(() -> window.shutdown());
        }
        assertEquals(null, failure[0], "uncaught exception");
        List<Long> sorted = new ArrayList<>(actionNanos);
        Collections.sort(sorted);
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("stress: 2000 actions, FX action time median %.2f ms, p99 %.2f ms, max %.2f ms; "
                + "worst runLater latency %.1f ms%n", sorted.get(1000) / 1e6, sorted.get(1980) / 1e6, max / 1e6,
                worstLatency.get() / 1e6);
        System.out.println("stress: slowest action by kind (ns): " + slowest);
        List<Long> lags = new ArrayList<>(latencies);
        Collections.sort(lags);
        long over = lags.stream().filter(l -> l > 100_000_000L).count();
        System.out.printf("stress: runLater latency over %d beats: median %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                + "%d beats over 100 ms%n", lags.size(), lags.get(lags.size() / 2) / 1e6,
                lags.get((int) (lags.size() * 0.99)) / 1e6, lags.get((int) (lags.size() * 0.999)) / 1e6, over);
        assertTrue(max < 100_000_000L, "an action held the FX thread for " + max / 1e6 + " ms; slowest by action: "
                + slowest);
        // The queue latency also counts time the OS gave to other threads; background work runs at a
        // lower priority (nice 10 on Linux), so all but the rarest beat is served within 100 ms.
        assertTrue(lags.get((int) (lags.size() * 0.999)) < 100_000_000L, "runLater latency p99.9 over 100 ms");
        assertTrue(Files.exists(config));
    }

    private static void onFx(Runnable r) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private void act(int action, int pick, Path dir, Path config) {
        switch (action) {
            case 0 -> window.play();
            case 1 -> window.pause();
            case 2 -> window.step();
            case 3 -> window.reset();
            case 4 -> window.setWidthSlider(2 + pick % 8);
            case 5 -> window.applyPreset(Regime.values()[pick % 3]);
            case 6 -> {
                DatasetKind kind = new DatasetKind[] {DatasetKind.QUADRANTS, DatasetKind.NEURAL_COLLAPSE,
                    DatasetKind.HALF_PLANE, DatasetKind.PARITY}[pick % 4];
                DataSpec spec = DataSpec.defaults(kind).withN(100 + pick % 100);
                window.tryConfig(window.config().withRun(window.config().run().withDataset(spec)));
            }
            case 7 -> window.exportInBackground(ExportTarget.values()[pick % ExportTarget.values().length],
                    dir.resolve("e" + pick % 5 + ".png"), 200, 150, 1, null);
            case 8 -> window.saveConfig(config);
            case 9 -> {
                if (Files.exists(config)) {
                    window.openConfig(config);
                }
            }
            case 10 -> window.commitEta(Math.pow(10, -2 + (pick % 30) / 10.0));
            case 11 -> window.setChartOptions(window.chartOptions().withXAxis(
                    pick % 2 == 0 ? ChartOptions.XAxis.STEPS : ChartOptions.XAxis.TIME));
            default -> window.tryConfig(window.config().withRun(window.config().run().withSeeds(pick, pick + 1)));
        }
    }
}
