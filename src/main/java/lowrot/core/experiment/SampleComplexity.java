package lowrot.core.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import lowrot.core.util.Parallel;
import lowrot.core.util.ProgressMonitor;

/**
 * Sample complexity of 2-sparse parity for the four {@link Learner}s. For every learner, dimension d and seed
 * (a <em>chain</em>), the training-set sizes of the grid are visited in increasing order; every learner at
 * (d, n, seed) sees the same training set (the first n points of the seed's training stream) and the same
 * test set (the seed's test stream). A chain stops after two consecutive sizes whose test error is at most ε,
 * or at the learner's largest n. Chains run in parallel; each cell is a deterministic function of its
 * (learner, d, n, seed), so the results do not depend on the number of workers or their timing.
 * {@link ComplexityAnalysis} turns the cells into n needed for ε and fitted exponents.
 */
public final class SampleComplexity {
    /** The default plan's dimensions of each learner, as the command line shows them. */
    public static final String KERNEL_DIMS = "8,12,16,24,32,48";

    public static final String NEAR_DIMS = "6,8,12,16";
    public static final String MAX_MARGIN_DIMS = "4,6,8,10,12";
    public static final String RICH_DIMS = "8,12,16,24,32,48";
    /** Seeds per (learner, d): the default plan's and the quick look's. */
    public static final int SEEDS = 5;

    public static final int QUICK_SEEDS = 3;
    /** Test points per (d, seed). */
    public static final int TEST_POINTS = 2000;
    /** The test error that counts as learnt: the default plan's and the quick look's. */
    public static final double EPSILON = 0.05;

    public static final double QUICK_EPSILON = 0.1;

    /** How many consecutive sizes at or below ε end a chain. */
    public static final int BELOW_TARGET_TO_STOP = 2;

    /**
     * One (learner, d, n, seed) result. Angles in degrees; a value that does not apply is NaN (rotation and
     * feature share for the learners that do not train a network from initialization).
     *
     * @param certificate the max-margin network's upper-bound status ({@link GlobalMarginResult#upperStatus()}),
     *                    otherwise empty
     */
    public record Cell(
            Learner learner,
            int d,
            int n,
            long seed,
            double testError,
            double trainError,
            double rotationMeanDegrees,
            double rotationMaxDegrees,
            double featureShare,
            String certificate) {}

    /** One learner at one d and seed, walked up the sizes of the grid. */
    public record Chain(Learner learner, int d, long seed) {}

    private SampleComplexity() {}

    /** n = from · √2^k rounded, up to {@code to}: 8, 11, 16, 23, 32, 45, 64, … */
    public static int[] geometricSizes(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            int n = (int) Math.round(from * Math.pow(2, k / 2.0));
            if (n > to) {
                break;
            }
            out.add(n);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Runs every chain of the plan; cells in chain order, n increasing within a chain. */
    public static List<Cell> run(ComplexityPlan plan, int workers, ProgressMonitor monitor) {
        return run(plan, plan.chains(), workers, monitor);
    }

    /**
     * Runs the chains listed (a shard of the plan's chains, or all of them), at most {@code workers} at once.
     * The progress fraction counts finished chains, plus the share of its sizes a running chain has passed.
     */
    public static List<Cell> run(ComplexityPlan plan, List<Chain> chains, int workers, ProgressMonitor monitor) {
        return run(plan, chains, workers, monitor, (chain, cells) -> {});
    }

    /** As above; {@code onChain} receives each chain's cells as the chain finishes (on a worker thread). */
    public static List<Cell> run(
            ComplexityPlan plan,
            List<Chain> chains,
            int workers,
            ProgressMonitor monitor,
            java.util.function.BiConsumer<Chain, List<Cell>> onChain) {
        plan.validate().throwIfAny();
        int[] sizes = plan.ns().clone();
        Arrays.sort(sizes);
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of lists: Java has no generic array creation
        List<Cell>[] out = new List[chains.size()];
        double[] passed = new double[chains.size()];
        Parallel.forEach(chains.size(), workers, k -> {
            Chain chain = chains.get(k);
            List<Cell> cells = new ArrayList<>();
            int below = 0;
            for (int i = 0; i < sizes.length && sizes[i] <= plan.settings().maxN(chain.learner()); i++) {
                monitor.checkCancelled();
                Cell cell = cell(chain, sizes[i], plan.settings(), monitor);
                cells.add(cell);
                below = cell.testError() <= plan.settings().epsilon() ? below + 1 : 0;
                synchronized (passed) {
                    passed[k] = (i + 1.0) / sizes.length;
                    monitor.progress(
                            progress(passed),
                            chain.learner().label() + " d = " + chain.d() + " n = " + sizes[i]
                                    + String.format(": test error %.3f", cell.testError()));
                }
                if (below >= BELOW_TARGET_TO_STOP) {
                    break;
                }
            }
            out[k] = cells;
            onChain.accept(chain, List.copyOf(cells));
            synchronized (passed) {
                passed[k] = 1;
                monitor.progress(
                        progress(passed),
                        chain.learner().label() + " d = " + chain.d() + " seed " + chain.seed() + " done");
            }
        });
        List<Cell> all = new ArrayList<>();
        for (List<Cell> c : out) {
            all.addAll(c);
        }
        return all;
    }

    private static double progress(double[] passed) {
        double sum = 0;
        for (double p : passed) {
            sum += p;
        }
        return passed.length == 0 ? 1 : sum / passed.length;
    }

    /** The data of (d, n, seed): the first n points of the seed's training stream and its test set. */
    public static DataSplit data(int d, int n, long seed, int nTest) {
        return Datasets.generate(
                DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(n).withNTest(nTest), seed);
    }

    /** One learner trained or solved on one training set and measured on the test set. */
    public static Cell cell(Chain chain, int n, ComplexitySettings s, ProgressMonitor monitor) {
        int d = chain.d();
        long seed = chain.seed();
        DataSplit data = data(d, n, seed, s.nTest());
        double nan = Double.NaN;
        switch (chain.learner()) {
            case KERNEL -> {
                KernelPredictor p = KernelPredictor.fit(kernelConfig(d), data.train(), monitor);
                return new Cell(
                        Learner.KERNEL, d, n, seed, p.error(data.test()), p.error(data.train()), nan, nan, nan, "");
            }
            case MAX_MARGIN -> {
                GlobalMarginResult r = GlobalMarginSolver.solve(data.train(), s.maxMargin(), monitor);
                Network net = r.network();
                return new Cell(
                        Learner.MAX_MARGIN,
                        d,
                        n,
                        seed,
                        error(net, data.test()),
                        error(net, data.train()),
                        nan,
                        nan,
                        nan,
                        r.upperStatus());
            }
            default -> {
                RunConfig rc = trainedConfig(chain.learner(), d, n, seed, s);
                Trainer trainer = new Trainer(rc, data);
                trainer.setThreads(1);
                if (chain.learner() == Learner.RICH) {
                    trainer.trainUntil(Double.POSITIVE_INFINITY, s.richSteps(), monitor);
                } else {
                    trainer.trainUntil(s.nearTime(), Long.MAX_VALUE, monitor);
                }
                Metrics m = trainer.snapshot(0).metrics();
                return new Cell(
                        chain.learner(),
                        d,
                        n,
                        seed,
                        m.testError(),
                        m.trainError(),
                        Math.toDegrees(m.rotationMean()),
                        Math.toDegrees(m.rotationMax()),
                        m.featureShare(),
                        "");
            }
        }
    }

    /** The config whose closed-form tangent kernel the kernel learner uses: the defaults (α = 1, σ_v = 1). */
    public static RunConfig kernelConfig(int d) {
        return RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.PARITY).withD(d));
    }

    /** The run config of a trained learner (near initialization or rich) at (d, n, seed). */
    public static RunConfig trainedConfig(Learner learner, int d, int n, long seed, ComplexitySettings s) {
        RunConfig base = RunConfig.defaults()
                .withDataset(
                        DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(n).withNTest(s.nTest()))
                .withSeeds(seed, seed);
        if (learner == Learner.RICH) {
            return base.withNetwork(
                            NetworkSpec.defaults().withWidth(s.richWidth()).withInitScale(s.richInitScale()))
                    .withTraining(TrainSpec.defaults()
                            .withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)
                            .withStepSize(s.richStepSize()));
        }
        if (learner == Learner.NEAR_INITIALIZATION) {
            return base.withNetwork(NetworkSpec.defaults().withWidth(s.nearWidth()))
                    .withTraining(TrainSpec.defaults().withStepSize(s.nearStepSize()));
        }
        throw new IllegalArgumentException(learner.label() + " does not train a network by gradient flow");
    }

    /** Fraction of a data set a network's sign gets wrong (0 counts as wrong). */
    static double error(Network net, Dataset data) {
        int wrong = 0;
        for (int i = 0; i < data.n(); i++) {
            if (!(data.y(i) * net.g(data.point(i)) > 0)) {
                wrong++;
            }
        }
        return data.n() == 0 ? 0 : (double) wrong / data.n();
    }

    /** Cells sorted in the plan's chain order and by n: the order {@link #run} returns. */
    public static Comparator<Cell> order(ComplexityPlan plan) {
        Map<Chain, Integer> index = new java.util.HashMap<>();
        for (Chain chain : plan.chains()) {
            index.putIfAbsent(chain, index.size());
        }
        return Comparator.<Cell>comparingInt(c -> index.getOrDefault(new Chain(c.learner(), c.d(), c.seed()), -1))
                .thenComparingInt(Cell::n);
    }
}
