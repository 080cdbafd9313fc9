package lowrot.run;

import lowrot.core.data.DataSpec;
import lowrot.core.model.RunConfig;
import lowrot.core.step.ActivityMask;

/**
 * Refuses, before anything is allocated, a run whose arrays would not fit in the heap: the
 * estimate counts the data (held by the trainer, its metrics and the window), the network with its
 * initial copy, gradients, the step's activity bits and the snapshots in flight.
 */
public final class MemoryGuard {
    /** Share of the free heap a run may plan to use. */
    static final double SHARE = 0.6;

    private MemoryGuard() {}

    /** Bytes a run of this config needs, roughly. */
    public static long estimate(RunConfig rc) {
        DataSpec ds = rc.dataset();
        long d = ds.inputDimension();
        long n = ds.n();
        long nTest = ds.nTest();
        long m = rc.network().width();
        long data = 8L * (4 * n * (d + 1) + 2 * nTest * (d + 1)) + 12L * n;
        long network = 8L * (10 * m * d + 12 * m);
        return data + network + ActivityMask.bytes(n, m, d);
    }

    /** Null if the run fits, else a message with the estimate and the limit. */
    public static String check(RunConfig rc) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = estimate(rc);
        if (need > SHARE * free) {
            return String.format(
                    "network.width = %d with dataset.n = %d needs about %,d MB, more than the %,d MB this "
                            + "Java process can spare: lower the width or the number of points",
                    rc.network().width(), rc.dataset().n(), need >> 20, (long) (SHARE * free) >> 20);
        }
        return null;
    }
}
