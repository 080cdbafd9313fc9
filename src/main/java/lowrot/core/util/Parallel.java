package lowrot.core.util;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Independent tasks 0 … count−1 on the project's own pools, never the JVM's common pool: each task writes only
 * its own results, so the order in which they finish changes no bit. A cancelled task cancels the whole batch.
 */
public final class Parallel {
    private Parallel() {}

    /** The solvers' shared pool, for callers not already on a pool (the command line's main thread). */
    private static final class Solvers {
        static final ForkJoinPool POOL = Workers.pool(Runtime.getRuntime().availableProcessors(), "lowrot-solve-");
    }

    /**
     * Runs every task on a pool of its own ({@code lowrot-worker-*}), at most {@code workers} at once; rethrows
     * {@link CancelledException} as is.
     */
    public static void forEach(int count, int workers, IntConsumer task) {
        ForkJoinPool pool = Workers.pool(workers, "lowrot-worker-");
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task))
                    .join();
        } catch (RuntimeException e) {
            throw unwrapped(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs every task in parallel on the caller's pool when it runs on one (the window's {@code lowrot-solve-*}
     * threads, an experiment's {@code lowrot-worker-*}), else on the shared {@code lowrot-solve-*} pool; the solvers'
     * inner loops (blocks of examples, of neurons, of directions) go through here.
     */
    public static void indices(int count, IntConsumer task) {
        Runnable all = () -> IntStream.range(0, count).parallel().forEach(task);
        if (ForkJoinTask.inForkJoinPool()) {
            all.run();
            return;
        }
        try {
            Solvers.POOL.submit(all).join();
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
    }

    private static RuntimeException unwrapped(RuntimeException e) {
        if (e.getCause() instanceof CancelledException c) {
            return c;
        }
        return e;
    }
}
