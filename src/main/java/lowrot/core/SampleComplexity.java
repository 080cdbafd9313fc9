package lowrot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sample complexity of 2-sparse parity: for several dimensions d and training-set sizes n, trains
 * near initialization (width ≈ d²) and without rotation (a large fixed width) to one GF time and
 * measures the test error on a large held-out set; then finds, per regime and d, the n at which the
 * mean test error first reaches a target ε, and fits n_ε ∝ d^k on log–log axes.
 */
public final class SampleComplexity {
    /** The test error of one run. */
    public record Cell(Regime regime, int d, int n, long seed, int width, double testError) {
    }

    /** The n needed for test error ε at dimension d (NaN when no n of the grid reached ε). */
    public record Needed(Regime regime, int d, double n) {
    }

    /**
     * @param base         training settings (loss, optimizer, step size, output scale, initialization)
     * @param ds           dimensions
     * @param ns           training-set sizes
     * @param seeds        seeds (each drives both the data and the initialization)
     * @param nTest        held-out test points
     * @param time         GF time each run trains to
     * @param noRotationWidth width of the no-rotation runs
     */
    public record Grid(RunConfig base, int[] ds, int[] ns, long[] seeds, int nTest, double time, int noRotationWidth,
            long maxSteps) {
        public Problems validate() {
            Problems p = new Problems().require(ds.length > 0 && ns.length > 0 && seeds.length > 0,
                    "complexity: at least one d, one n and one seed are needed")
                    .range("complexity.nTest", nTest, 1, DataSpec.MAX_N)
                    .rangeAbove("complexity.time", time, 0, 1e12)
                    .range("complexity.noRotationWidth", noRotationWidth, 1, NetworkSpec.MAX_WIDTH);
            for (int d : ds) {
                p.range("complexity.d", d, 2, 64);
            }
            for (int n : ns) {
                p.range("complexity.n", n, 1, DataSpec.MAX_N);
            }
            return p;
        }
    }

    private SampleComplexity() {
    }

    /** Width used near initialization at dimension d: d², at least 16. */
    public static int nearInitWidth(int d) {
        return Math.max(16, d * d);
    }

    /** Trains every (regime, d, n, seed), in parallel over {@code workers}; results in grid order. */
    public static List<Cell> run(Grid grid, int workers, SolverMonitor monitor) {
        grid.validate().throwIfAny();
        Regime[] regimes = {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION};
        int per = grid.ds().length * grid.ns().length * grid.seeds().length;
        int total = regimes.length * per;
        Cell[] out = new Cell[total];
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(total, workers, task -> {
            Regime regime = regimes[task / per];
            int rest = task % per;
            int d = grid.ds()[rest / (grid.ns().length * grid.seeds().length)];
            int n = grid.ns()[(rest / grid.seeds().length) % grid.ns().length];
            long seed = grid.seeds()[rest % grid.seeds().length];
            int width = regime == Regime.NO_ROTATION ? grid.noRotationWidth() : nearInitWidth(d);
            RunConfig rc = grid.base()
                    .withDataset(DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(n).withNTest(grid.nTest()))
                    .withNetwork(grid.base().network().withWidth(width))
                    .withTraining(grid.base().training().withRegime(regime)).withSeeds(seed, seed);
            Trainer trainer = new Trainer(rc);
            trainer.setThreads(1);
            Parallel.trainUntil(trainer, grid.time(), grid.maxSteps(), monitor);
            out[task] = new Cell(regime, d, n, seed, width, trainer.snapshot(0).metrics().testError());
            int finished = done.incrementAndGet();
            monitor.progress((double) finished / total, regime.label() + " d = " + d + " n = " + n + " done");
        });
        return List.of(out);
    }

    /** Mean test error over seeds at (regime, d, n). */
    public static double meanError(List<Cell> cells, Regime regime, int d, int n) {
        double sum = 0;
        int k = 0;
        for (Cell c : cells) {
            if (c.regime() == regime && c.d() == d && c.n() == n) {
                sum += c.testError();
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /**
     * The n at which the mean test error first falls to ε, interpolated linearly in (ln n, error)
     * between the two grid sizes around the crossing; NaN if the grid never reaches ε.
     */
    public static List<Needed> needed(List<Cell> cells, int[] ds, int[] ns, double epsilon) {
        int[] sorted = ns.clone();
        java.util.Arrays.sort(sorted);
        List<Needed> out = new ArrayList<>();
        for (Regime regime : new Regime[] {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION}) {
            for (int d : ds) {
                double found = Double.NaN;
                double prevN = Double.NaN;
                double prevErr = Double.NaN;
                for (int n : sorted) {
                    double err = meanError(cells, regime, d, n);
                    if (err <= epsilon) {
                        if (Double.isNaN(prevErr)) {
                            found = n;
                        } else {
                            double frac = (prevErr - epsilon) / (prevErr - err);
                            found = Math.exp(Math.log(prevN) + frac * (Math.log(n) - Math.log(prevN)));
                        }
                        break;
                    }
                    prevN = n;
                    prevErr = err;
                }
                out.add(new Needed(regime, d, found));
            }
        }
        return out;
    }

    /** Fits n_ε ∝ d^k for one regime (null when fewer than 3 dimensions reached ε). */
    public static Fits.PowerLaw fit(List<Needed> needed, Regime regime) {
        List<double[]> pts = new ArrayList<>();
        for (Needed nd : needed) {
            if (nd.regime() == regime && nd.n() > 0) {
                pts.add(new double[] {nd.d(), nd.n()});
            }
        }
        if (pts.size() < 3) {
            return null;
        }
        return Fits.powerLaw(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }
}
