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

    @Option(
            names = "--references",
            split = ",",
            paramLabel = "CONFIG.json",
            description = "Instead, for each config: the seconds until γ_ntk's and γ_gl's first certified interval"
                    + " (what the window draws first) and until their final values, each solve alone.")
    java.util.List<java.nio.file.Path> references;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (references != null) {
            return timeReferences(out);
        }
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

    /** Time to the first certified interval and to the final value of γ_ntk and γ_gl, per config, as the window solves them. */
    private int timeReferences(PrintWriter out) {
        for (java.nio.file.Path file : references) {
            lowrot.io.LabConfig c;
            try {
                c = lowrot.io.ConfigJson.read(file);
            } catch (lowrot.io.ConfigException e) {
                spec.commandLine().getErr().println("invalid: " + e.getMessage());
                return Cli.INVALID;
            }
            Dataset train =
                    Datasets.generate(c.run().dataset(), c.run().dataSeed()).train();
            double[] first = {Double.NaN};
            long t0 = System.nanoTime();
            lowrot.io.ReferenceSolves.ntk(c, train, ProgressMonitor.NONE, r -> {
                if (Double.isNaN(first[0])) {
                    first[0] = (System.nanoTime() - t0) / 1e9;
                }
            });
            double ntkFinal = (System.nanoTime() - t0) / 1e9;
            double ntkFirst = Double.isNaN(first[0]) ? ntkFinal : first[0];
            first[0] = Double.NaN;
            long t1 = System.nanoTime();
            var global = lowrot.io.ReferenceSolves.global(c, train, new double[0], ProgressMonitor.NONE, r -> {
                if (Double.isNaN(first[0]) && r.upperCertified()) {
                    first[0] = (System.nanoTime() - t1) / 1e9;
                }
            });
            double globalFinal = (System.nanoTime() - t1) / 1e9;
            double globalFirst = Double.isNaN(first[0]) ? globalFinal : first[0];
            out.printf(
                    "%-28s γ_ntk first interval %5.2f s, final %5.2f s   γ_gl first certified interval %5.2f s, final"
                            + " %5.2f s (%s)%n",
                    file.getFileName(), ntkFirst, ntkFinal, globalFirst, globalFinal, global.upperStatus());
            out.flush();
        }
        return Cli.OK;
    }
}
