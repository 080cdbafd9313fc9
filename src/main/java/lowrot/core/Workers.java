package lowrot.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The worker threads of the core's pools (training steps, sweeps). Each runs a start hook first,
 * which the window uses to give its background computation a lower scheduling priority than the
 * threads that draw; the results never depend on it.
 */
public final class Workers {
    private static volatile Runnable startHook = () -> { };
    /** The step kernels' pools by thread count, shared by every trainer. */
    private static final ConcurrentHashMap<Integer, ForkJoinPool> STEP_POOLS = new ConcurrentHashMap<>();

    private Workers() {
    }

    /** Sets what every new worker thread (and {@link #runStartHook} callers) runs first. */
    public static void setStartHook(Runnable hook) {
        startHook = hook == null ? () -> { } : hook;
        // Workers started before the hook never ran it: later steps get fresh pools (the old ones'
        // idle workers end by themselves; a step still running in one finishes there).
        STEP_POOLS.clear();
    }

    /** The shared pool of {@code threads} workers for training steps. */
    static ForkJoinPool stepPool(int threads) {
        return STEP_POOLS.computeIfAbsent(threads, t -> pool(t, "lowrot-step-"));
    }

    /** Runs the start hook on the calling thread; background threads outside the core call it too. */
    public static void runStartHook() {
        startHook.run();
    }

    /** A pool of daemon workers named {@code prefix} + index that run the start hook. */
    public static ForkJoinPool pool(int parallelism, String prefix) {
        return new ForkJoinPool(parallelism, p -> new Worker(p, prefix), null, false);
    }

    private static final class Worker extends ForkJoinWorkerThread {
        Worker(ForkJoinPool pool, String prefix) {
            super(pool);
            setDaemon(true);
            setName(prefix + getPoolIndex());
        }

        @Override
        protected void onStart() {
            super.onStart();
            runStartHook();
        }
    }
}
