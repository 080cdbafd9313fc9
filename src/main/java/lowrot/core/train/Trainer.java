package lowrot.core.train;

import java.util.Arrays;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.data.Datasets;
import lowrot.core.model.Loss;
import lowrot.core.model.MaxMarginAtoms;
import lowrot.core.model.Network;
import lowrot.core.model.Optimizer;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.step.Kernel;
import lowrot.core.util.Problems;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;

/**
 * Trains one network on one data set: full-batch gradient descent (the gradient-flow proxy),
 * loss-normalised gradient descent, or SGD, in the free or the no-rotation parametrisation.
 *
 * <p>Owned by one thread. Every array a step touches is allocated in the constructor, so a warm
 * step allocates nothing. Other threads receive {@link Snapshot}s.
 */
public final class Trainer {
    private static final long INIT_STREAM = 11;
    private static final long SGD_STREAM = 12;

    private final RunConfig config;
    private final DataSplit data;
    private final int n;
    private final int d;
    private final int m;
    private final double[] xs;
    private final double[] ys;
    private final Network net;
    private final Network initial;
    private final Loss loss;
    private final Optimizer optimizer;
    private final boolean outerTrainable;
    private final int batchSize;
    private final Rng sgdRng;
    private final MetricsCalculator metrics;
    private final StepPasses passes;

    private final double[] z;
    private final double[] c;
    private final double[] ga;
    private final double[] gv;
    private final int[] all;
    private final int[] perm;
    private final int[] batch;

    private double stepSize;
    private long steps;
    private double time;
    private double logTime = Double.NEGATIVE_INFINITY;
    private double lastRisk = Double.NaN;
    private double lastLogRisk = Double.NaN;

    /** A trainer on data generated from the config's data spec and data seed. */
    public Trainer(RunConfig config) {
        this(config, generate(config));
    }

    /** A trainer on given data (the config's data spec is kept for the record). */
    public Trainer(RunConfig config, DataSplit data) {
        this(config, data, null);
    }

    /**
     * A trainer on given data whose metrics also measure the alignment with a max-margin network's atoms (null:
     * that metric is NaN). The atoms must be a pure function of the config, such as the certified optimal network
     * of the training set, so that the metrics stay the same bits wherever the run trains.
     */
    public Trainer(RunConfig config, DataSplit data, MaxMarginAtoms atoms) {
        config.validate().throwIfAny();
        this.config = config;
        this.data = data;
        Dataset train = data.train();
        this.n = train.n();
        this.d = train.d();
        this.xs = train.copyX();
        this.ys = train.copyY();
        TrainSpec t = config.training();
        this.loss = t.loss();
        this.optimizer = t.optimizer();
        this.outerTrainable = t.outerTrainable();
        this.batchSize = optimizer == Optimizer.SGD ? Math.min(t.batchSize(), n) : n;
        this.stepSize = t.stepSize();
        this.net = initialNetwork(config, d);
        this.initial = net.copy();
        this.m = net.width();
        this.sgdRng = Rng.stream(config.initSeed(), SGD_STREAM);
        this.z = new double[n];
        this.c = new double[n];
        this.ga = new double[m];
        this.gv = new double[m * d];
        this.all = new int[n];
        this.perm = new int[n];
        this.batch = new int[n];
        this.passes = new StepPasses(xs, ys, n, d, m, batchSize);
        for (int i = 0; i < n; i++) {
            all[i] = i;
            perm[i] = i;
        }
        this.metrics = new MetricsCalculator(initial, data.train(), data.test(), atoms);
        metrics.setBlocks(passes::runBlocks);
    }

    /** The initial network a run of this config starts from, for inputs of dimension d. */
    public static Network initialNetwork(RunConfig config, int d) {
        return Network.initialize(
                config.network(),
                d,
                config.training().regime().frozenDirections(),
                Rng.stream(config.initSeed(), INIT_STREAM));
    }

    private static DataSplit generate(RunConfig config) {
        config.validate().throwIfAny();
        return Datasets.generate(config.dataset(), config.dataSeed());
    }

    /**
     * One training step. Returns the risk on the examples of this step (the whole training set for
     * the full-batch optimizers), computed before the update.
     */
    public double step() {
        int[] idx;
        int count;
        if (optimizer == Optimizer.SGD && batchSize < n) {
            drawBatch();
            idx = batch;
            count = batchSize;
        } else {
            idx = all;
            count = n;
        }
        double s = net.scale();
        passes.outputs(idx, count, net.aData(), net.vData(), s, z);
        double eta;
        if (optimizer == Optimizer.NORMALIZED_GRADIENT_FLOW) {
            // ∇R/R = Σ ℓ'(z_i) y_i s ∇g_i / Σ ℓ(z_k); in logs, so that neither sum over- or underflows.
            for (int t = 0; t < count; t++) {
                c[t] = loss.logValue(z[t]);
            }
            double logSum = Kernel.logSumExp(c, count);
            lastLogRisk = logSum - Math.log(count);
            lastRisk = Math.exp(lastLogRisk);
            for (int t = 0; t < count; t++) {
                c[t] = -ys[idx[t]] * s * Math.exp(loss.logNegDerivative(z[t]) - logSum);
            }
            eta = stepSize;
            double logStep = Math.log(stepSize) - lastLogRisk;
            time += Math.exp(logStep);
            logTime = Kernel.logAddExp(logTime, logStep);
        } else {
            double sum = 0;
            double inv = 1.0 / count;
            for (int t = 0; t < count; t++) {
                sum += loss.value(z[t]);
                c[t] = loss.derivative(z[t]) * ys[idx[t]] * s * inv;
            }
            lastRisk = sum * inv;
            lastLogRisk = Math.log(lastRisk);
            eta = stepSize;
            time += stepSize;
            logTime = Math.log(time);
        }
        passes.gradients(idx, count, net.aData(), net.vData(), c, ga, gv);
        applyUpdate(eta);
        steps++;
        return lastRisk;
    }

    /** Whether the scalar plane kernels branch (chosen from the data; for benchmarks). */
    public boolean planeBranching() {
        return passes.planeBranching();
    }

    /** Whether full-batch steps are split over the threads (false when they are too small to gain). */
    public boolean splitsSteps() {
        return passes.splits(n);
    }

    /**
     * What every thread of the step kernels' pool runs first (the window lowers their priority); the
     * results do not depend on it.
     */
    public void setWorkerStart(Runnable value) {
        passes.setWorkerStart(value);
    }

    /** Sets the number of threads of the step kernels (1 to 256); results do not depend on it. */
    public void setThreads(int count) {
        passes.setThreads(count);
    }

    public int threads() {
        return passes.threads();
    }

    /** Runs k steps. */
    public void steps(long k) {
        for (long i = 0; i < k; i++) {
            step();
        }
    }

    private void applyUpdate(double eta) {
        if (outerTrainable) {
            double[] a = net.aData();
            for (int j = 0; j < m; j++) {
                a[j] -= eta * ga[j];
            }
        }
        if (net.frozenDirections()) {
            // ∂R/∂b_j = u_j · ∂R/∂v_j; the direction u_j never changes.
            double[] b = net.bData();
            double[] u = net.uData();
            for (int j = 0; j < m; j++) {
                int row = j * d;
                double gb = 0;
                for (int k = 0; k < d; k++) {
                    gb += u[row + k] * gv[row + k];
                }
                b[j] -= eta * gb;
            }
            net.syncInnerFromNorms();
        } else {
            double[] v = net.vData();
            for (int q = 0; q < m * d; q++) {
                v[q] -= eta * gv[q];
            }
        }
    }

    private void drawBatch() {
        // Partial Fisher–Yates: the first b entries of perm are a uniform sample without replacement.
        for (int t = 0; t < batchSize; t++) {
            int r = t + sgdRng.nextInt(n - t);
            int tmp = perm[t];
            perm[t] = perm[r];
            perm[r] = tmp;
            batch[t] = perm[t];
        }
        // Sorted, so that a batch of all n examples sums in the same order as full-batch descent.
        Arrays.sort(batch, 0, batchSize);
    }

    /** Changes η from the next step on. */
    public void setStepSize(double eta) {
        new Problems()
                .rangeAbove("training.stepSize", eta, 0.0, TrainSpec.MAX_STEP_SIZE)
                .throwIfAny();
        this.stepSize = eta;
    }

    /** The step size η of the next step. */
    public double stepSize() {
        return stepSize;
    }

    /**
     * Steps until τ ≥ {@code time} or {@code maxSteps} steps in all, asking {@code monitor} whether to stop at every
     * step count divisible by 128 (the one recipe for "train until τ" of the experiments, the claims and the
     * animations). Returns the steps taken.
     */
    public long trainUntil(double time, long maxSteps, ProgressMonitor monitor) {
        long from = steps;
        while (this.time < time && steps < maxSteps) {
            if (steps % 128 == 0) {
                monitor.checkCancelled();
            }
            step();
        }
        return steps - from;
    }

    /** Steps taken. */
    public long stepCount() {
        return steps;
    }

    /** Gradient-flow time τ. */
    public double time() {
        return time;
    }

    /** ln τ, finite even where τ itself would overflow (−∞ at τ = 0). */
    public double logTime() {
        return logTime;
    }

    /** Risk on the examples of the last step (NaN before the first step). */
    public double lastRisk() {
        return lastRisk;
    }

    /** ln of {@link #lastRisk()}, finite where the risk underflows to 0. */
    public double lastLogRisk() {
        return lastLogRisk;
    }

    public RunConfig config() {
        return config;
    }

    public DataSplit data() {
        return data;
    }

    /** A copy of the current network. */
    public Network network() {
        return net.copy();
    }

    /** A copy of the network at initialization. */
    public Network initialNetwork() {
        return initial.copy();
    }

    /**
     * Everything a step depends on beyond the config and the data: the weights (a and v, or a and the
     * norms b in the no-rotation parametrisation, whose directions come from the config), the step
     * count, GF time, the last risk, the step size, and the SGD sampler (generator and permutation).
     * Restoring it into a fresh trainer of the same config and data continues the run with the same bits
     * as if it had never stopped.
     */
    public record State(
            long steps,
            double time,
            double logTime,
            double lastRisk,
            double lastLogRisk,
            double stepSize,
            long[] sampler,
            int[] permutation,
            double[] a,
            double[] inner) {}

    /** The trainer's state now (copies). */
    public State state() {
        return new State(
                steps,
                time,
                logTime,
                lastRisk,
                lastLogRisk,
                stepSize,
                sgdRng.state(),
                perm.clone(),
                net.aData().clone(),
                net.frozenDirections() ? net.bData().clone() : net.vData().clone());
    }

    /** Continues from a state taken by {@link #state()} of a trainer of the same config and data. */
    public void restore(State s) {
        int innerLength = net.frozenDirections() ? m : m * d;
        if (s.a().length != m || s.inner().length != innerLength || s.permutation().length != n) {
            throw new IllegalArgumentException("the saved state is of another network or data set (width "
                    + s.a().length + ", " + s.permutation().length + " examples; this run has width " + m + ", "
                    + n + " examples)");
        }
        System.arraycopy(s.a(), 0, net.aData(), 0, m);
        if (net.frozenDirections()) {
            System.arraycopy(s.inner(), 0, net.bData(), 0, m);
            net.syncInnerFromNorms();
        } else {
            System.arraycopy(s.inner(), 0, net.vData(), 0, m * d);
        }
        System.arraycopy(s.permutation(), 0, perm, 0, n);
        sgdRng.restore(s.sampler());
        steps = s.steps();
        time = s.time();
        logTime = s.logTime();
        lastRisk = s.lastRisk();
        lastLogRisk = s.lastLogRisk();
        stepSize = s.stepSize();
    }

    /** All metrics of the current weights, as an immutable value for another thread. */
    public Snapshot snapshot(long runId) {
        Metrics values = metrics.compute(net, loss, config.training().outerTrainable(), steps, time, logTime);
        return Snapshot.of(runId, values, net, initial, metrics.angles());
    }
}
