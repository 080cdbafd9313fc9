package lowrot.core.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
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
import lowrot.core.util.Problems;
import lowrot.core.util.SolverMonitor;

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

    /**
     * How each learner is built; the defaults are documented in docs/experiments.md.
     *
     * @param nTest            test points per (d, seed)
     * @param epsilon          target test error ε
     * @param nearWidth        width m of GF near initialization (standard 1/√m scaling, α = 1)
     * @param nearTime         GF time it trains to
     * @param nearStepSize     its step size η
     * @param richWidth        width of GF in the rich regime
     * @param richInitScale    its initialization scale α (both layers)
     * @param richSteps        its steps of loss-normalised gradient flow
     * @param richStepSize     its step size η
     * @param maxMargin        options of the global-margin program of the max-margin network
     * @param maxN             the largest n each learner is run at (index: {@link Learner#ordinal()})
     */
    public record Settings(
            int nTest,
            double epsilon,
            int nearWidth,
            double nearTime,
            double nearStepSize,
            int richWidth,
            double richInitScale,
            long richSteps,
            double richStepSize,
            GlobalMarginSolver.Options maxMargin,
            int[] maxN) {
        public static Settings defaults() {
            return new Settings(
                    2000,
                    0.05,
                    1024,
                    1000,
                    4,
                    64,
                    0.1,
                    8192,
                    1.0,
                    GlobalMarginSolver.Options.defaults()
                            .withTolerance(1e-3)
                            .withMaxRounds(60)
                            .withMaxNodes(2000)
                            .withSparseSeeds(false),
                    new int[] {4096, 1024, 128, 512});
        }

        public Settings withEpsilon(double value) {
            return new Settings(
                    nTest,
                    value,
                    nearWidth,
                    nearTime,
                    nearStepSize,
                    richWidth,
                    richInitScale,
                    richSteps,
                    richStepSize,
                    maxMargin,
                    maxN);
        }

        public Settings withNTest(int value) {
            return new Settings(
                    value,
                    epsilon,
                    nearWidth,
                    nearTime,
                    nearStepSize,
                    richWidth,
                    richInitScale,
                    richSteps,
                    richStepSize,
                    maxMargin,
                    maxN);
        }

        /** The largest n a learner is run at. */
        public int maxN(Learner learner) {
            return maxN[learner.ordinal()];
        }
    }

    /**
     * The experiment's grid.
     *
     * @param dims  the dimensions of each learner (a learner without dimensions is not run)
     * @param ns    training-set sizes, visited in increasing order
     * @param seeds seeds; seed s draws the data and initializes the network
     */
    public record Plan(Map<Learner, int[]> dims, int[] ns, long[] seeds, Settings settings) {
        /** The default experiment: about 6 minutes on 2 cores (docs/performance.md). */
        public static Plan defaults() {
            Map<Learner, int[]> dims = new EnumMap<>(Learner.class);
            dims.put(Learner.KERNEL, new int[] {8, 12, 16, 24, 32, 48});
            dims.put(Learner.NEAR_INITIALIZATION, new int[] {6, 8, 12, 16});
            dims.put(Learner.MAX_MARGIN, new int[] {4, 6, 8, 10, 12});
            dims.put(Learner.RICH, new int[] {8, 12, 16, 24, 32, 48});
            return new Plan(dims, geometricSizes(8, 4096), new long[] {1, 2, 3, 4, 5}, Settings.defaults());
        }

        /** A quick look: d up to 16, n up to 512, 3 seeds, ε = 0.1 — the shape of the result in about half a minute. */
        public static Plan quick() {
            Map<Learner, int[]> dims = new EnumMap<>(Learner.class);
            dims.put(Learner.KERNEL, new int[] {8, 12, 16});
            dims.put(Learner.NEAR_INITIALIZATION, new int[] {4, 6, 8});
            dims.put(Learner.MAX_MARGIN, new int[] {4, 6, 8});
            dims.put(Learner.RICH, new int[] {8, 12, 16});
            return new Plan(
                    dims,
                    geometricSizes(8, 512),
                    new long[] {1, 2, 3},
                    Settings.defaults().withEpsilon(0.1));
        }

        /** The dimensions of a learner (empty when it is not run). */
        public int[] dims(Learner learner) {
            return dims.getOrDefault(learner, new int[0]);
        }

        /** Every problem, naming the option and its allowed range. */
        public Problems validate() {
            Problems p = new Problems()
                    .require(ns.length > 0 && seeds.length > 0, "complexity: at least one n and one seed are needed")
                    .range("complexity test points", settings.nTest(), 1, DataSpec.MAX_N)
                    .rangeAbove("complexity target ε", settings.epsilon(), 0, 0.5);
            boolean any = false;
            for (Learner l : Learner.values()) {
                for (int d : dims(l)) {
                    p.range("complexity d (" + l.label() + ")", d, 2, 256);
                    any = true;
                }
            }
            p.require(any, "complexity: at least one learner needs at least one d");
            for (int n : ns) {
                p.range("complexity n", n, 1, DataSpec.MAX_N);
            }
            return p;
        }

        /** The chains in their fixed order: learner, then d as listed, then seed as listed. */
        public List<Chain> chains() {
            List<Chain> out = new ArrayList<>();
            for (Learner l : Learner.values()) {
                for (int d : dims(l)) {
                    for (long seed : seeds) {
                        out.add(new Chain(l, d, seed));
                    }
                }
            }
            return out;
        }
    }

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
    public static List<Cell> run(Plan plan, int workers, SolverMonitor monitor) {
        return run(plan, plan.chains(), workers, monitor);
    }

    /**
     * Runs the chains listed (a shard of the plan's chains, or all of them), at most {@code workers} at once.
     * The progress fraction counts finished chains, plus the share of its sizes a running chain has passed.
     */
    public static List<Cell> run(Plan plan, List<Chain> chains, int workers, SolverMonitor monitor) {
        return run(plan, chains, workers, monitor, (chain, cells) -> {});
    }

    /** As above; {@code onChain} receives each chain's cells as the chain finishes (on a worker thread). */
    public static List<Cell> run(
            Plan plan,
            List<Chain> chains,
            int workers,
            SolverMonitor monitor,
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
    public static Cell cell(Chain chain, int n, Settings s, SolverMonitor monitor) {
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
    public static RunConfig trainedConfig(Learner learner, int d, int n, long seed, Settings s) {
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
    public static Comparator<Cell> order(Plan plan) {
        Map<Chain, Integer> index = new java.util.HashMap<>();
        for (Chain chain : plan.chains()) {
            index.putIfAbsent(chain, index.size());
        }
        return Comparator.<Cell>comparingInt(c -> index.getOrDefault(new Chain(c.learner(), c.d(), c.seed()), -1))
                .thenComparingInt(Cell::n);
    }
}
