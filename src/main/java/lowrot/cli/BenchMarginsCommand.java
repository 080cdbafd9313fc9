package lowrot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.margin.NtkMarginSolver;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-margins}: times the reference-margin solvers at the reference sizes. */
@Command(
        name = "bench-margins",
        mixinStandardHelpOptions = true,
        description = "Time the margin solvers: γ_ntk (n = 1000, d = 20, M = 4096), γ_gl (d = 2, n = 1000), "
                + "no-rotation limit (m = 4096, d = 2, n = 1000).")
final class BenchMarginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", description = "Timed repetitions after one warm-up (default 3).")
    int repeat = 3;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Dataset parity = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY)
                                .withD(20)
                                .withN(1000)
                                .withNTest(0),
                        1)
                .train();
        Dataset quadrants = Datasets.generate(
                        DataSpec.defaults(DatasetKind.QUADRANTS).withN(1000).withNTest(0), 1)
                .train();
        Network net = Network.initialize(NetworkSpec.defaults().withWidth(4096), 2, true, new Rng(1));
        time(
                out,
                "NTK margin  n=1000 d=20 M=4096 gap 1e-3",
                () -> NtkMarginSolver.solve(parity, NtkMarginSolver.Options.defaults(), ProgressMonitor.NONE)
                        .toString());
        time(
                out,
                "global margin  d=2 n=1000",
                () -> GlobalMarginSolver.solve(quadrants, GlobalMarginSolver.Options.defaults(), ProgressMonitor.NONE)
                        .toString());
        time(
                out,
                "no-rotation limit  m=4096 d=2 n=1000",
                () -> GlobalMarginSolver.noRotationLimit(
                                quadrants, net, GlobalMarginSolver.Options.defaults(), ProgressMonitor.NONE)
                        .toString());
        return Cli.OK;
    }

    private void time(PrintWriter out, String name, java.util.function.Supplier<String> work) {
        String result = work.get();
        double best = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            result = work.get();
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, s);
            sum += s;
        }
        out.printf("%-42s best %.3f s, mean %.3f s  %s%n", name, best, sum / repeat, result);
        out.flush();
    }
}
