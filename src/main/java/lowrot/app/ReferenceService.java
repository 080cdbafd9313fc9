package lowrot.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.concurrent.Task;
import lowrot.core.SolverCancelledException;
import lowrot.core.SolverMonitor;
import lowrot.core.Workers;

/**
 * Runs heavy computations for the pictures (reference margins, tangent-kernel margins, region
 * grids) on background threads, delivers results on the FX thread, and cancels work whose inputs
 * changed. The FX thread never waits for any of it.
 */
final class ReferenceService implements AutoCloseable {
    private final ExecutorService solvers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(() -> {
            Workers.runStartHook();
            r.run();
        }, "lowrot-solver");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    /** The solvers' parallel loops run here rather than in the common pool, at the workers' priority. */
    private final ForkJoinPool compute = Workers.pool(Runtime.getRuntime().availableProcessors(), "lowrot-solve-");

    /** A submitted job; {@link #cancel()} makes its solver stop at its next check. */
    static final class Job {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile boolean done;

        void cancel() {
            cancelled.set(true);
        }

        boolean done() {
            return done;
        }

        SolverMonitor monitor() {
            return new SolverMonitor() {
                @Override
                public boolean cancelled() {
                    return cancelled.get();
                }
            };
        }
    }

    /**
     * Computes {@code work} in the background and hands the result to {@code onResult} on the FX
     * thread (unless cancelled first); a failure goes to {@code onError}.
     */
    <T> Job submit(Function<SolverMonitor, T> work, Consumer<T> onResult, Consumer<String> onError) {
        Job job = new Job();
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return compute.submit(() -> work.apply(job.monitor())).join();
            }
        };
        task.setOnSucceeded(e -> {
            job.done = true;
            if (!job.cancelled.get()) {
                onResult.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            job.done = true;
            Throwable t = task.getException();
            if (!job.cancelled.get() && !(t instanceof SolverCancelledException)) {
                onError.accept(t == null ? "failed" : String.valueOf(t.getMessage()));
            }
        });
        if (solvers.isShutdown()) {
            job.done = true;
            job.cancel();
            return job;
        }
        solvers.submit(task);
        return job;
    }

    @Override
    public void close() {
        solvers.shutdownNow();
        compute.shutdownNow();
    }
}
