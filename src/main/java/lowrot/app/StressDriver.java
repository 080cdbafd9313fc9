package lowrot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Regime;
import lowrot.core.util.Rng;
import lowrot.render.ChartOptions;

/**
 * Drives a window with a seeded sequence of random actions (play, pause, step, reset, width, regime,
 * data, export, save, open, η, axes, seeds) while it trains, and measures what a user feels: each
 * action's time on the FX thread and the latency of a heartbeat posted to the FX thread every 5 ms.
 * Runs on the caller's thread (never the FX thread); every action waits for the FX thread at most
 * {@link #ACTION_BOUND_SECONDS}. {@code --stress N} prints the report; the tests use it for
 * liveness and correctness only, never for its times.
 */
final class StressDriver {
    /** An action or heartbeat not served within this bound means the FX thread is stuck, not slow. */
    static final long ACTION_BOUND_SECONDS = 10;

    private static final String[] ACTION_NAMES = {
        "play", "pause", "step", "reset", "width", "regime", "data", "export", "save", "open", "eta", "axis", "seeds"
    };

    /** What one stress run measured; times in nanoseconds, sorted ascending. */
    record Report(long[] actionNanos, long[] lagNanos, long beatsPosted, java.util.Map<String, Long> slowestByAction) {
        /** The figures as two lines, in milliseconds. */
        String text() {
            long over = Arrays.stream(lagNanos).filter(l -> l > 100_000_000L).count();
            return String.format(
                    Locale.ROOT,
                    "stress: %d actions, FX action time median %.2f ms, p99 %.2f ms, max %.2f ms"
                            + "%nstress: runLater latency over %d beats: median %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms,"
                            + " %d beats over 100 ms",
                    actionNanos.length,
                    pct(actionNanos, 0.5),
                    pct(actionNanos, 0.99),
                    pct(actionNanos, 1),
                    lagNanos.length,
                    pct(lagNanos, 0.5),
                    pct(lagNanos, 0.99),
                    pct(lagNanos, 0.999),
                    pct(lagNanos, 1),
                    over);
        }

        private static double pct(long[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return sorted[i] / 1e6;
        }
    }

    private final MainWindow window;
    private final Executor fx;
    private final Path dir;

    /** A driver of {@code window}, whose FX thread is reached through {@code fx}; files go to {@code dir}. */
    StressDriver(MainWindow window, Executor fx, Path dir) {
        this.window = window;
        this.fx = fx;
        this.dir = dir;
    }

    /**
     * Performs {@code actions} random actions chosen by {@code seed}; after each, {@code check} runs on
     * the FX thread (it may throw to fail the run). Returns when every heartbeat has been answered.
     */
    Report run(int actions, long seed, Consumer<MainWindow> check) throws Exception {
        Rng rng = new Rng(seed);
        Path config = dir.resolve("stress-config.json");
        long[] actionNanos = new long[actions];
        java.util.Map<String, Long> slowest = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicLong posted = new AtomicLong();
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lowrot-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(
                () -> {
                    long at = System.nanoTime();
                    posted.incrementAndGet();
                    fx.execute(() -> lags.add(System.nanoTime() - at));
                },
                0,
                5,
                TimeUnit.MILLISECONDS);
        try {
            for (int k = 0; k < actions; k++) {
                int action = rng.nextInt(ACTION_NAMES.length);
                int pick = rng.nextInt(1000);
                int index = k;
                onFx(() -> {
                    long t0 = System.nanoTime();
                    act(action, pick, config);
                    long took = System.nanoTime() - t0;
                    actionNanos[index] = took;
                    slowest.merge(ACTION_NAMES[action], took, Math::max);
                    check.accept(window);
                });
                if (k % 20 == 0) {
                    Thread.sleep(10); // let snapshots, frames and solver results arrive between bursts
                }
            }
        } finally {
            heartbeat.shutdownNow();
        }
        heartbeat.awaitTermination(ACTION_BOUND_SECONDS, TimeUnit.SECONDS);
        // Every beat posted is answered: the FX thread is alive. A barrier posted last runs after them all.
        onFx(() -> {});
        long[] lagArray = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        if (lagArray.length != posted.get()) {
            throw new AssertionError(posted.get() + " heartbeats posted, " + lagArray.length + " answered");
        }
        long[] sortedActions = actionNanos.clone();
        Arrays.sort(sortedActions);
        return new Report(sortedActions, lagArray, posted.get(), new java.util.TreeMap<>(slowest));
    }

    private void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        fx.execute(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(ACTION_BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the FX thread did not run an action within " + ACTION_BOUND_SECONDS + " s", e);
        }
    }

    private void act(int action, int pick, Path config) {
        switch (action) {
            case 0 -> window.session().transport().play();
            case 1 -> window.session().transport().pause();
            case 2 -> window.session().transport().step();
            case 3 -> window.session().reset();
            case 4 -> window.setWidthSlider(2 + pick % 8);
            case 5 -> window.applyPreset(Regime.values()[pick % 3]);
            case 6 -> {
                DatasetKind kind = new DatasetKind[] {
                            DatasetKind.QUADRANTS,
                            DatasetKind.NEURAL_COLLAPSE,
                            DatasetKind.HALF_PLANE,
                            DatasetKind.PARITY
                        }
                        [pick % 4];
                DataSpec spec = DataSpec.defaults(kind).withN(100 + pick % 100);
                window.session()
                        .tryConfig(window.session()
                                .config()
                                .withRun(window.session().config().run().withDataset(spec)));
            }
            case 7 ->
                window.exports()
                        .inBackground(
                                ExportTarget.values()[pick % ExportTarget.values().length],
                                dir.resolve("e" + pick % 5 + ".png"),
                                200,
                                150,
                                1,
                                null);
            case 8 -> window.files().saveConfig(config);
            case 9 -> {
                if (Files.exists(config)) {
                    window.files().openConfig(config);
                }
            }
            case 10 -> window.commitEta(Math.pow(10, -2 + (pick % 30) / 10.0));
            case 11 ->
                window.session()
                        .pictures()
                        .setChartOptions(window.session()
                                .pictures()
                                .chartOptions()
                                .withXAxis(pick % 2 == 0 ? ChartOptions.XAxis.STEPS : ChartOptions.XAxis.TIME));
            default ->
                window.session()
                        .tryConfig(window.session()
                                .config()
                                .withRun(window.session().config().run().withSeeds(pick, pick + 1)));
        }
    }
}
