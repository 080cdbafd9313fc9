package lowrot.report;

import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import lowrot.core.util.Problems;
import lowrot.core.util.ProgressMonitor;

/**
 * Moments of a run spaced evenly in log GF time, so that the early phase is not a blur and the late phase not a
 * still: frame 0 is the initialization (τ = 0), frames 1 … count−1 are τ_k = first · (last/first)^((k−1)/(count−2)).
 */
public final class LogTimeSchedule {
    private LogTimeSchedule() {}

    /**
     * The τ of every frame.
     *
     * @param first τ of frame 1 (&gt; 0; a run's first step reaches τ = η)
     * @param last  τ of the last frame (≥ first)
     * @param count frames, at least 2
     */
    public static double[] times(double first, double last, int count) {
        new Problems()
                .rangeAbove("first GF time", first, 0, 1e300)
                .rangeAbove("last GF time", last, 0, 1e300)
                .range("frames", count, 2, 100_000)
                .require(last >= first, "last GF time " + last + " is before the first, " + first)
                .throwIfAny();
        double[] out = new double[count];
        double ratio = Math.log(last / first);
        for (int k = 1; k < count; k++) {
            out[k] = count == 2 ? last : first * Math.exp(ratio * (k - 1) / (count - 2));
        }
        out[count - 1] = last;
        return out;
    }

    /**
     * Trains until every scheduled τ is passed and hands over the snapshot taken at the first step whose τ reaches
     * each one (the initialization for τ = 0), in order. Cancellation is checked every 128 steps.
     */
    public static void follow(
            Trainer trainer,
            double[] times,
            long maxSteps,
            java.util.function.ObjIntConsumer<Snapshot> frame,
            ProgressMonitor monitor) {
        for (int k = 0; k < times.length; k++) {
            trainer.trainUntil(times[k], maxSteps, monitor);
            monitor.checkCancelled();
            frame.accept(trainer.snapshot(0), k);
        }
    }
}
