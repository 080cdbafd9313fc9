package lowrot.app;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import lowrot.core.util.CancelledException;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Workers;

/**
 * The crossing for work that is not training: solvers (reference margins, tangent-kernel margins,
 * region grids) on a small pool, file work on one file thread (in order, so a later save sees every
 * earlier one), and experiments on threads of their own. Results and errors are handed to the
 * {@link Executor} given at construction (the FX thread in the window, a manual queue in tests); the
 * caller's thread never waits for any of it.
 */
final class BackgroundJobs implements AutoCloseable {
    private final Executor fx;
    private final ExecutorService solvers;
    private final ExecutorService files;
    /** The solvers' parallel loops run here rather than in the common pool, at the workers' priority. */
    private final ForkJoinPool compute;
    /** Work a training run waits for (the max-margin network of neural-collapse data), on a thread of its own. */
    private final ExecutorService urgent;

    private final ForkJoinPool urgentCompute;

    /** Work on a file thread: returns a value or throws; the message of what it throws is reported. */
    interface FileWork<T> extends Callable<T> {}

    /**
     * @param fx        where results are delivered
     * @param startHook runs first on every background thread this service starts (the window lowers the
     *                  thread's priority so the FX thread gets the CPU)
     */
    BackgroundJobs(Executor fx, Runnable startHook) {
        this(fx, startHook, startHook);
    }

    /**
     * The same, with {@code urgentHook} for the threads of {@link #submitUrgent} work and of files (the window gives
     * them the trainer's priority: a run that waits for that work has nothing else to do, and a save or an export is
     * what the user asked for, so neither may starve behind the reference solves).
     */
    BackgroundJobs(Executor fx, Runnable startHook, Runnable urgentHook) {
        this.fx = fx;
        this.solvers = Executors.newFixedThreadPool(2, named("lowrot-solver", startHook));
        // Files are what the user asked for (a save, an export): never starved by the solves' long work.
        this.files = Executors.newSingleThreadExecutor(named("lowrot-files", urgentHook));
        this.compute = Workers.pool(Runtime.getRuntime().availableProcessors(), "lowrot-solve-", startHook);
        this.urgent = Executors.newSingleThreadExecutor(named("lowrot-urgent", urgentHook));
        this.urgentCompute =
                Workers.pool(Runtime.getRuntime().availableProcessors(), "lowrot-urgent-solve-", urgentHook);
    }

    private static java.util.concurrent.ThreadFactory named(String name, Runnable startHook) {
        return r -> {
            Thread t = new Thread(
                    () -> {
                        startHook.run();
                        r.run();
                    },
                    name);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    /** A submitted job; {@link #cancel()} makes its solver stop at its next check. */
    static final class Job {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile boolean done;

        void cancel() {
            cancelled.set(true);
        }

        boolean cancelled() {
            return cancelled.get();
        }

        /** True once its result or error was delivered (or it was refused). */
        boolean done() {
            return done;
        }

        ProgressMonitor monitor() {
            return new ProgressMonitor() {
                @Override
                public boolean cancelled() {
                    return cancelled.get();
                }
            };
        }
    }

    /**
     * Computes {@code work} on a solver thread and hands the result to {@code onResult} on the delivery
     * executor (unless cancelled first); a failure other than cancellation goes to {@code onError}.
     */
    <T> Job submit(Function<ProgressMonitor, T> work, Consumer<T> onResult, Consumer<String> onError) {
        return submit((monitor, interim) -> work.apply(monitor), value -> {}, onResult, onError);
    }

    /**
     * As above, for work that reports values on its way (a solver's bounds as they tighten): each goes to
     * {@code onInterim} on the delivery executor — the latest wins, at most one hand-off pending — unless the job was
     * cancelled or its final result has been delivered.
     */
    <T> Job submit(
            BiFunction<ProgressMonitor, Consumer<T>, T> work,
            Consumer<T> onInterim,
            Consumer<T> onResult,
            Consumer<String> onError) {
        return submit(solvers, compute, work, onInterim, onResult, onError);
    }

    /**
     * As {@link #submit(BiFunction, Consumer, Consumer, Consumer)}, on the urgent thread: it neither queues behind
     * the other solves nor runs at their lower priority.
     */
    <T> Job submitUrgent(
            BiFunction<ProgressMonitor, Consumer<T>, T> work,
            Consumer<T> onInterim,
            Consumer<T> onResult,
            Consumer<String> onError) {
        return submit(urgent, urgentCompute, work, onInterim, onResult, onError);
    }

    private <T> Job submit(
            ExecutorService solvers,
            ForkJoinPool compute,
            BiFunction<ProgressMonitor, Consumer<T>, T> work,
            Consumer<T> onInterim,
            Consumer<T> onResult,
            Consumer<String> onError) {
        Job job = new Job();
        if (solvers.isShutdown()) {
            job.done = true;
            job.cancel();
            return job;
        }
        solvers.submit(() -> {
            T value;
            try {
                AtomicReference<T> latest = new AtomicReference<>();
                Consumer<T> interim = v -> {
                    if (latest.getAndSet(v) == null) {
                        fx.execute(() -> {
                            T shown = latest.getAndSet(null);
                            if (!job.done && !job.cancelled() && shown != null) {
                                onInterim.accept(shown);
                            }
                        });
                    }
                };
                value = compute.submit(() -> work.apply(job.monitor(), interim)).join();
            } catch (RuntimeException | Error e) {
                fx.execute(() -> {
                    job.done = true;
                    if (!job.cancelled() && !(e instanceof CancelledException)) {
                        onError.accept(String.valueOf(e.getMessage()));
                    }
                });
                return;
            }
            fx.execute(() -> {
                job.done = true;
                if (!job.cancelled()) {
                    onResult.accept(value);
                }
            });
        });
        return job;
    }

    /**
     * Runs {@code work} on the file thread, after every file job submitted before it; its value goes to
     * {@code onResult}, what it throws to {@code onError}, both on the delivery executor.
     */
    <T> void file(FileWork<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
        if (files.isShutdown()) {
            return;
        }
        files.submit(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                fx.execute(() -> onError.accept(e));
                return;
            }
            fx.execute(() -> onResult.accept(value));
        });
    }

    @Override
    public void close() {
        solvers.shutdownNow();
        files.shutdown();
        compute.shutdownNow();
        urgent.shutdownNow();
        urgentCompute.shutdownNow();
    }
}
