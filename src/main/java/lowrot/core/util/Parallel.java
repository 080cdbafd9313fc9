package lowrot.core.util;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0 … count−1 on a pool of its own ({@code lowrot-worker-*}); a cancelled task cancels the
 * whole batch.
 */
public final class Parallel {
    private Parallel() {}

    /** Runs every task, at most {@code workers} at once; rethrows {@link SolverCancelledException} as is. */
    public static void forEach(int count, int workers, IntConsumer task) {
        ForkJoinPool pool = Workers.pool(workers, "lowrot-worker-");
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task))
                    .join();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SolverCancelledException c) {
                throw c;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }
}
