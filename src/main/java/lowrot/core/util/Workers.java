package lowrot.core.util;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The worker threads of the core's pools (training steps, sweeps). A pool may be given a start action
 * that each of its threads runs first — the window passes one that gives background computation a
 * lower scheduling priority than the threads that draw; the results never depend on it.
 */
public final class Workers {
    /** A start action that does nothing. */
    public static final Runnable NOTHING = () -> {};
    /** The step kernels' pools by thread count and start action, shared by every trainer. */
    private static final ConcurrentHashMap<List<Object>, ForkJoinPool> STEP_POOLS = new ConcurrentHashMap<>();

    private Workers() {}

    /** The shared pool of {@code threads} workers for training steps whose threads run {@code onStart}. */
    public static ForkJoinPool stepPool(int threads, Runnable onStart) {
        return STEP_POOLS.computeIfAbsent(List.of(threads, onStart), k -> pool(threads, "lowrot-step-", onStart));
    }

    /** A pool of daemon workers named {@code prefix} + index. */
    public static ForkJoinPool pool(int parallelism, String prefix) {
        return pool(parallelism, prefix, NOTHING);
    }

    /** A pool of daemon workers named {@code prefix} + index that run {@code onStart} first. */
    public static ForkJoinPool pool(int parallelism, String prefix, Runnable onStart) {
        return new ForkJoinPool(parallelism, p -> new Worker(p, prefix, onStart), null, false);
    }

    private static final class Worker extends ForkJoinWorkerThread {
        private final Runnable onStart;

        Worker(ForkJoinPool pool, String prefix, Runnable onStart) {
            super(pool);
            this.onStart = onStart;
            setDaemon(true);
            setName(prefix + getPoolIndex());
        }

        @Override
        protected void onStart() {
            super.onStart();
            onStart.run();
        }
    }
}
