package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lowrot.core.experiment.ComplexityPlan;
import lowrot.core.experiment.Learner;
import lowrot.core.experiment.SampleComplexity;
import lowrot.io.AtomicFiles;
import lowrot.io.ComplexityCsv;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code complexity}: samples needed for 2-sparse parity against d, for the kernel and the max-margin learners. */
@Command(
        name = "complexity",
        mixinStandardHelpOptions = true,
        description = "Sample complexity of 2-sparse parity for four learners (NTK kernel predictor, GF near "
                + "initialization, max-margin network, GF in the rich regime): test error against n for every d, the "
                + "n needed for test error ε, and n ∝ d^k fitted per learner with a bootstrap interval over seeds. "
                + "The default experiment takes about 6 minutes on 2 cores (docs/experiments.md).")
final class ComplexityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--kernel-d",
            split = ",",
            paramLabel = "D",
            description = "Dimensions of the NTK kernel predictor (default " + SampleComplexity.KERNEL_DIMS
                    + "; 0 = do not run).")
    int[] kernelD;

    @Option(
            names = "--near-d",
            split = ",",
            paramLabel = "D",
            description = "Dimensions of GF near initialization (default " + SampleComplexity.NEAR_DIMS
                    + "; 0 = do not run).")
    int[] nearD;

    @Option(
            names = "--max-margin-d",
            split = ",",
            paramLabel = "D",
            description = "Dimensions of the max-margin network (default " + SampleComplexity.MAX_MARGIN_DIMS
                    + "; 0 = do not run).")
    int[] maxMarginD;

    @Option(
            names = "--rich-d",
            split = ",",
            paramLabel = "D",
            description =
                    "Dimensions of GF in the rich regime (default " + SampleComplexity.RICH_DIMS + "; 0 = do not run).")
    int[] richD;

    @Option(
            names = "--n",
            split = ",",
            description = "Training-set sizes (default 8, 11, 16, 23, … up to 4096: steps of √2).")
    int[] ns;

    @Option(
            names = "--seeds",
            description = "Seeds per (learner, d) (default " + SampleComplexity.SEEDS + "; --quick "
                    + SampleComplexity.QUICK_SEEDS + ").")
    Integer seeds;

    @Option(names = "--first-seed", description = "First seed (default 1).")
    long firstSeed = 1;

    @Option(
            names = "--target",
            description = "Test error ε that counts as learnt (default " + SampleComplexity.EPSILON + "; --quick "
                    + SampleComplexity.QUICK_EPSILON + ").")
    Double target;

    @Option(names = "--test", description = "Test points per (d, seed) (default " + SampleComplexity.TEST_POINTS + ").")
    Integer nTest;

    @Option(
            names = "--quick",
            description = "A small plan for a first look (about 30 s): d up to 16, " + SampleComplexity.QUICK_SEEDS
                    + " seeds, ε = " + SampleComplexity.QUICK_EPSILON + ".")
    boolean quick;

    @Option(
            names = "--shard",
            paramLabel = "i/N",
            converter = Shard.Converter.class,
            description = "Compute only the chains k with k mod N = i into complexity-shard-i-of-N.csv; put the shards "
                    + "together with lowrot merge.")
    Shard shard;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default ./lowrot-complexity).")
    Path out = Path.of("lowrot-complexity");

    @Mixin
    ParallelOptions parallel;

    /** The plan the options describe. */
    ComplexityPlan plan() {
        ComplexityPlan base = quick ? ComplexityPlan.quick() : ComplexityPlan.defaults();
        Map<Learner, int[]> dims = new EnumMap<>(Learner.class);
        dims.put(Learner.KERNEL, pick(kernelD, base.dims(Learner.KERNEL)));
        dims.put(Learner.NEAR_INITIALIZATION, pick(nearD, base.dims(Learner.NEAR_INITIALIZATION)));
        dims.put(Learner.MAX_MARGIN, pick(maxMarginD, base.dims(Learner.MAX_MARGIN)));
        dims.put(Learner.RICH, pick(richD, base.dims(Learner.RICH)));
        long[] seedList = new long[seeds == null ? base.seeds().length : seeds];
        for (int s = 0; s < seedList.length; s++) {
            seedList[s] = firstSeed + s;
        }
        double eps = target == null ? base.settings().epsilon() : target;
        return new ComplexityPlan(
                dims,
                ns != null ? ns : base.ns(),
                seedList,
                base.settings()
                        .withEpsilon(eps)
                        .withNTest(nTest == null ? base.settings().nTest() : nTest));
    }

    /** A chain's file name in the cell store. */
    private static String key(SampleComplexity.Chain chain) {
        return chain.learner().name().toLowerCase(java.util.Locale.ROOT) + "-d" + chain.d() + "-seed" + chain.seed();
    }

    private static int[] pick(int[] given, int[] fallback) {
        if (given == null) {
            return fallback;
        }
        return java.util.Arrays.stream(given).filter(d -> d != 0).toArray();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if ((seeds != null && (seeds < 1 || seeds > 100)) || parallel.workers < 1) {
            err.println("invalid: --seeds allowed 1 to 100, --workers at least 1");
            return Cli.INVALID;
        }
        ComplexityPlan plan = plan();
        try {
            plan.validate().throwIfAny();
        } catch (IllegalArgumentException e) {
            err.println("invalid: " + e.getMessage());
            return Cli.INVALID;
        }
        List<SampleComplexity.Chain> chains = shard == null ? plan.chains() : ComplexityFiles.chains(plan, shard);
        CellStore store = new CellStore(out, "complexity", ComplexityFiles.planLine(plan));
        Map<String, List<String>> done = store.done();
        Map<SampleComplexity.Chain, List<SampleComplexity.Cell>> byChain = new java.util.HashMap<>();
        List<SampleComplexity.Chain> missing = new java.util.ArrayList<>();
        for (SampleComplexity.Chain chain : chains) {
            List<String> rows = done.get(key(chain));
            if (rows == null) {
                missing.add(chain);
            } else {
                byChain.put(chain, rows.stream().map(ComplexityCsv::parse).toList());
            }
        }
        stdout.println(
                store.summary(chains.size() - missing.size(), chains.size()).replace("cells", "chains"));
        stdout.flush();
        try (ProgressBar bar = Progress.bar("complexity", 1000, !parallel.noProgress)) {
            SampleComplexity.run(plan, missing, parallel.workers, Progress.monitor(bar, 1000), (chain, cells) -> {
                store.save(key(chain), cells.stream().map(ComplexityCsv::row).toList());
                synchronized (byChain) {
                    byChain.put(chain, cells);
                }
            });
        }
        List<SampleComplexity.Cell> cells = new java.util.ArrayList<>();
        for (SampleComplexity.Chain chain : chains) {
            cells.addAll(byChain.get(chain));
        }
        Files.createDirectories(out);
        if (shard != null) {
            Path file = out.resolve(shard.fileName("complexity"));
            AtomicFiles.writeText(file, ComplexityFiles.shardText(shard, plan, cells));
            stdout.println("shard " + shard + ": " + chains.size() + " of "
                    + plan.chains().size() + " chains, " + cells.size() + " cells; wrote " + file.toAbsolutePath());
            return Cli.OK;
        }
        ComplexityFiles.write(out, plan, cells);
        ComplexityFiles.report(stdout, plan, cells);
        stdout.println("wrote " + out.toAbsolutePath());
        return Cli.OK;
    }
}
