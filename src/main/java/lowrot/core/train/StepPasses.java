package lowrot.core.train;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import lowrot.core.step.ActivityMask;
import lowrot.core.step.Kernel;
import lowrot.core.util.Problems;
import lowrot.core.util.Workers;

/**
 * A trainer's forward and backward passes over its training set, split over the step pool's threads when
 * that pays: the forward pass over blocks of 64 examples, the backward pass over blocks of 64 neurons, the
 * metrics' passes over the blocks they ask for. Every sum runs in the same order whatever the split
 * ({@link Kernel}), so the thread count never changes a bit. Holds what the passes share: the kernels' form
 * for the plane (chosen from the data) and, for d ≠ 2, the activity bits the forward pass leaves for the
 * backward pass.
 */
final class StepPasses {
    /**
     * A pass is split over threads only when it has at least this many units of work (pairs × (d + 2)):
     * waking the pool costs tens of microseconds, and on two cores one thread was measured faster
     * below about 300,000 pairs in the plane, while d = 20 already gains at 65,000 pairs.
     */
    private static final long PARALLEL_THRESHOLD = 1_400_000;

    private static final int BLOCK = 64;
    /** Distinct training points up to which the scalar plane kernels branch on "h > 0". */
    private static final int FEW_POINTS = 8;

    private final double[] xs;
    private final double[] ys;
    private final int d;
    private final int m;
    private final boolean planeBranching;
    /** The forward pass's activity bits for the backward pass (d ≠ 2, when they fit; null otherwise). */
    private final long[] active;

    private int threads = Runtime.getRuntime().availableProcessors();
    private Runnable workerStart = Workers.NOTHING;

    /** Passes over the n examples xs (d coordinates each) and m neurons, at most {@code rows} examples a step. */
    StepPasses(double[] xs, double[] ys, int n, int d, int m, int rows) {
        this.xs = xs;
        this.ys = ys;
        this.d = d;
        this.m = m;
        this.planeBranching = fewDistinctPoints(xs, n, d);
        this.active = d == 2 ? null : ActivityMask.forPasses(rows, m);
    }

    /**
     * The scalar plane kernels come in two forms with the same bits, branching and branch-free (see {@link
     * Kernel#signedOutputs}): branching wins when "is neuron j active on x_i?" is predictable, which it is when
     * the training set has only a few distinct points (2-sparse parity in the plane has four). Chosen from the
     * data alone, so nothing depends on the clock; the vector engine has one form.
     */
    private static boolean fewDistinctPoints(double[] xs, int n, int d) {
        if (d != 2) {
            return false;
        }
        java.util.Set<java.util.List<Double>> seen = new java.util.HashSet<>();
        for (int i = 0; i < n && seen.size() <= FEW_POINTS; i++) {
            seen.add(java.util.List.of(xs[2 * i], xs[2 * i + 1]));
        }
        return seen.size() <= FEW_POINTS;
    }

    boolean planeBranching() {
        return planeBranching;
    }

    /**
     * Forward pass: z over blocks of examples, in parallel when it pays. Each z[t] is computed by one
     * thread from its own example, so the thread count never changes a bit.
     */
    void outputs(int[] idx, int count, double[] a, double[] v, double s, double[] z) {
        boolean branching = planeBranching;
        if (threads == 1 || !worthSplitting(count)) {
            Kernel.signedOutputs(xs, ys, d, idx, 0, count, a, v, m, s, z, branching, active);
            return;
        }
        inParallel(
                (count + BLOCK - 1) / BLOCK,
                b -> Kernel.signedOutputs(
                        xs, ys, d, idx, b * BLOCK, Math.min(count, (b + 1) * BLOCK), a, v, m, s, z, branching, active));
    }

    /**
     * Backward pass over blocks of neurons (each neuron's sums in example order: thread-count invariant), right
     * after {@link #outputs} over the same examples and weights.
     */
    void gradients(int[] idx, int count, double[] a, double[] v, double[] c, double[] ga, double[] gv) {
        boolean branching = planeBranching;
        if (threads == 1 || !worthSplitting(count)) {
            Kernel.backward(xs, d, idx, count, a, v, 0, m, c, ga, gv, branching, active);
            return;
        }
        inParallel(
                (m + BLOCK - 1) / BLOCK,
                b -> Kernel.backward(
                        xs,
                        d,
                        idx,
                        count,
                        a,
                        v,
                        b * BLOCK,
                        Math.min(m, (b + 1) * BLOCK),
                        c,
                        ga,
                        gv,
                        branching,
                        active));
    }

    /** The metrics' blocks: on the step pool when there are several and they are worth it, else in order here. */
    void runBlocks(int count, IntConsumer task) {
        if (threads == 1 || count < 2 || !worthSplitting(count * BLOCK)) {
            MetricsCalculator.Blocks.SEQUENTIAL.run(count, task);
        } else {
            inParallel(count, task);
        }
    }

    /** Whether a pass over {@code count} examples and every neuron is worth splitting over threads. */
    private boolean worthSplitting(int count) {
        return (long) count * m * (d + 2) >= PARALLEL_THRESHOLD;
    }

    /** Whether passes over n examples are split over the threads. */
    boolean splits(int n) {
        return threads > 1 && worthSplitting(n);
    }

    /** Runs tasks 0 … blocks−1 on the step pool and waits for all of them. */
    private void inParallel(int blocks, IntConsumer task) {
        Workers.stepPool(threads, workerStart)
                .submit(() -> IntStream.range(0, blocks).parallel().forEach(task))
                .join();
    }

    void setWorkerStart(Runnable value) {
        this.workerStart = value;
    }

    /** Sets the number of threads (1 to 256); results do not depend on it. */
    void setThreads(int count) {
        new Problems().range("threads", count, 1, 256).throwIfAny();
        this.threads = count;
    }

    int threads() {
        return threads;
    }
}
