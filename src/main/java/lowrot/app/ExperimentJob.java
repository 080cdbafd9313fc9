package lowrot.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ProgressBar;
import lowrot.core.util.CancelledException;
import lowrot.core.util.ProgressMonitor;

/**
 * Runs one experiment on a daemon thread: progress goes to a progress bar, {@link #cancel()} stops
 * it at the solver's next check, and the outcome — the result or a failure message — reaches the
 * FX thread once.
 */
final class ExperimentJob {
    private final AtomicBoolean stop = new AtomicBoolean();

    /** What an experiment ended with: a value, or null and a message ("cancelled", "failed: …"). */
    record Outcome<T>(T value, String problem) {}

    /** Starts {@code work} on a thread named {@code name}; {@code done} runs on the FX thread. */
    static <T> ExperimentJob start(
            String name, ProgressBar progress, Function<ProgressMonitor, T> work, Consumer<Outcome<T>> done) {
        return start(name, progress, work, done, text -> {});
    }

    /** The same; {@code status} receives the experiment's progress messages on the FX thread. */
    static <T> ExperimentJob start(
            String name,
            ProgressBar progress,
            Function<ProgressMonitor, T> work,
            Consumer<Outcome<T>> done,
            Consumer<String> status) {
        ExperimentJob job = new ExperimentJob();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(double fraction, String text) {
                FxThread.EXECUTOR.execute(() -> {
                    progress.setProgress(fraction);
                    if (!job.stop.get()) {
                        status.accept(text);
                    }
                });
            }

            @Override
            public boolean cancelled() {
                return job.stop.get();
            }
        };
        Thread worker = new Thread(
                () -> {
                    // Below the FX thread; the experiment's worker pool, made by this thread, inherits it on Linux.
                    Niceness.LOWER.run();
                    Outcome<T> outcome;
                    try {
                        outcome = new Outcome<>(work.apply(monitor), null);
                    } catch (CancelledException e) {
                        outcome = new Outcome<>(null, "cancelled");
                    } catch (RuntimeException e) {
                        outcome = new Outcome<>(null, "failed: " + e.getMessage());
                    }
                    Outcome<T> result = outcome;
                    FxThread.EXECUTOR.execute(() -> done.accept(result));
                },
                name);
        worker.setDaemon(true);
        worker.start();
        return job;
    }

    void cancel() {
        stop.set(true);
    }
}
