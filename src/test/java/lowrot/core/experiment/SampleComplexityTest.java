package lowrot.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.margin.SimplexQuadratic;
import lowrot.core.margin.TangentKernel;
import lowrot.core.model.RunConfig;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/** The sample-complexity experiment: determinism, chain stopping, interpolation, exponents and the kernel learner. */
class SampleComplexityTest {
    private static ComplexityPlan tiny() {
        Map<Learner, int[]> dims = new EnumMap<>(Learner.class);
        dims.put(Learner.KERNEL, new int[] {4, 6});
        dims.put(Learner.NEAR_INITIALIZATION, new int[] {4});
        dims.put(Learner.MAX_MARGIN, new int[] {4});
        dims.put(Learner.RICH, new int[] {4});
        ComplexitySettings d = ComplexitySettings.defaults();
        ComplexitySettings small = new ComplexitySettings(
                300, 0.1, 64, 20, 4, 16, 0.1, 300, 1.0, d.maxMargin(), new int[] {64, 32, 16, 32});
        return new ComplexityPlan(dims, new int[] {32, 8, 16, 11, 23, 45, 64}, new long[] {1, 2}, small);
    }

    @Test
    void cellsAreTheSameBitsForAnyNumberOfWorkersAndChainsStopBelowTarget() {
        ComplexityPlan plan = tiny();
        List<SampleComplexity.Cell> one = SampleComplexity.run(plan, 1, ProgressMonitor.NONE);
        List<SampleComplexity.Cell> two = SampleComplexity.run(plan, 2, ProgressMonitor.NONE);
        assertEquals(one, two);
        List<SampleComplexity.Cell> sorted = new ArrayList<>(one);
        sorted.sort(SampleComplexity.order(plan));
        assertEquals(one, sorted, "cells come in chain order, n increasing");
        for (SampleComplexity.Chain chain : plan.chains()) {
            List<SampleComplexity.Cell> c = one.stream()
                    .filter(x -> x.learner() == chain.learner() && x.d() == chain.d() && x.seed() == chain.seed())
                    .toList();
            assertTrue(!c.isEmpty(), chain.toString());
            assertEquals(8, c.get(0).n(), "every chain starts at the smallest n");
            int maxN = plan.settings().maxN(chain.learner());
            for (int k = 0; k + 1 < c.size(); k++) {
                boolean stopped =
                        k >= 1 && c.get(k).testError() <= 0.1 && c.get(k - 1).testError() <= 0.1;
                assertTrue(!stopped, "a chain ends after two sizes at or below ε: " + c);
            }
            SampleComplexity.Cell last = c.get(c.size() - 1);
            boolean twoBelow = c.size() >= 2
                    && last.testError() <= 0.1
                    && c.get(c.size() - 2).testError() <= 0.1;
            assertTrue(twoBelow || last.n() == 64 || last.n() * 1.5 > maxN, "chain ended early: " + c);
        }
        for (SampleComplexity.Cell c : one) {
            assertTrue(c.testError() >= 0 && c.testError() <= 1);
            boolean trained = c.learner() == Learner.NEAR_INITIALIZATION || c.learner() == Learner.RICH;
            assertEquals(trained, Double.isFinite(c.rotationMeanDegrees()), c.toString());
            assertEquals(c.learner() == Learner.MAX_MARGIN, !c.certificate().isEmpty(), c.toString());
        }
        // The kernel predictor and the max-margin network separate their training set (hard margin).
        one.stream()
                .filter(c -> c.learner() == Learner.KERNEL || c.learner() == Learner.MAX_MARGIN)
                .forEach(c -> assertEquals(0.0, c.trainError(), c.toString()));
    }

    private static SampleComplexity.Cell cell(Learner l, int d, int n, long seed, double error) {
        return new SampleComplexity.Cell(l, d, n, seed, error, 0, Double.NaN, Double.NaN, Double.NaN, "");
    }

    @Test
    void neededInterpolatesInLogNAndTheFitRecoversAKnownPowerLaw() {
        // 0.3 at n = 100, 0.05 at n = 400, ε = 0.1: frac = (0.3 − 0.1)/(0.3 − 0.05) = 0.8, n = 100·4^0.8.
        List<SampleComplexity.Cell> cells = List.of(
                cell(Learner.RICH, 5, 100, 1, 0.3),
                cell(Learner.RICH, 5, 400, 1, 0.05),
                cell(Learner.RICH, 5, 100, 2, 0.08),
                cell(Learner.KERNEL, 5, 100, 1, 0.4));
        List<ComplexityAnalysis.Needed> needed = ComplexityAnalysis.needed(cells, 0.1);
        assertEquals(100 * Math.pow(4, 0.8), needed.get(0).n(), 1e-9);
        assertEquals(100, needed.get(1).n(), 0, "already below ε at the smallest n");
        assertTrue(Double.isNaN(needed.get(2).n()), "never reached");
        ComplexityAnalysis.Point rich = ComplexityAnalysis.points(needed).get(0);
        assertEquals(Math.sqrt(100 * Math.pow(4, 0.8) * 100), rich.n(), 1e-9, "geometric mean over seeds");
        assertTrue(rich.complete());
        assertTrue(!ComplexityAnalysis.points(needed).get(1).complete());

        // Per seed n_ε = c_s · d^2 with seed factors c_s: every resample has slope exactly 2.
        List<ComplexityAnalysis.Needed> exact = new ArrayList<>();
        double[] factor = {3, 5, 11};
        for (int d : new int[] {8, 16, 32, 48}) {
            for (int s = 0; s < 3; s++) {
                exact.add(new ComplexityAnalysis.Needed(Learner.KERNEL, d, s, factor[s] * d * d));
            }
        }
        ComplexityAnalysis.Exponent e = ComplexityAnalysis.exponent(exact, Learner.KERNEL);
        assertEquals(2, e.fit().slope(), 1e-12);
        assertEquals(2, e.bootstrapLow(), 1e-9);
        assertEquals(2, e.bootstrapHigh(), 1e-9);
        assertTrue(e.verdict().startsWith("agrees with the predicted d^2"), e.verdict());
        assertNull(ComplexityAnalysis.exponent(exact, Learner.RICH), "no points: no exponent");

        // Noise that differs per seed and d widens the bootstrap interval around the true slope 1.
        List<ComplexityAnalysis.Needed> noisy = new ArrayList<>();
        Rng rng = new Rng(7);
        for (int d : new int[] {8, 16, 32, 48}) {
            for (int s = 0; s < 5; s++) {
                noisy.add(
                        new ComplexityAnalysis.Needed(Learner.RICH, d, s, 4 * d * Math.exp(0.3 * rng.nextGaussian())));
            }
        }
        ComplexityAnalysis.Exponent n = ComplexityAnalysis.exponent(noisy, Learner.RICH);
        assertTrue(n.bootstrapLow() < n.fit().slope() && n.fit().slope() < n.bootstrapHigh(), n.toString());
        assertTrue(
                n.bootstrapLow() < 1.3 && n.bootstrapHigh() > 0.7 && n.bootstrapHigh() - n.bootstrapLow() < 1,
                n.toString());
    }

    @Test
    void theKernelPredictorMatchesTheTwoPointClosedFormAndItsOwnOptimality() {
        // Two points: min over q ∈ [0,1] of q²a + (1−q)²b + 2q(1−q)c has q* = (b − c)/(a + b − 2c).
        double[][] pts = {{1, 0}, {0.6, 0.8}};
        Dataset data = Dataset.fromPoints(pts, new double[] {1, -1});
        RunConfig rc = SampleComplexity.kernelConfig(2);
        TangentKernel.Limit k = TangentKernel.Limit.of(rc, 2);
        double a = k.value(pts[0], 1, pts[0], 1);
        double b = k.value(pts[1], 1, pts[1], 1);
        double c = -k.value(pts[0], 1, pts[1], 1);
        double q = (b - c) / (a + b - 2 * c);
        KernelPredictor p = KernelPredictor.fit(rc, data, ProgressMonitor.NONE);
        double[] x = {-0.2, 0.9};
        double expected = q * k.value(pts[0], 1, x, TangentKernel.norm(x))
                - (1 - q) * k.value(pts[1], 1, x, TangentKernel.norm(x));
        assertEquals(expected, p.output(x), 1e-3 * Math.abs(expected));

        // Parity, d = 8: every training point has y f(x) ≥ min qᵀGq (the hard-margin KKT condition), up to the gap.
        DataSplit split = SampleComplexity.data(8, 120, 3, 500);
        KernelPredictor parity =
                KernelPredictor.fit(SampleComplexity.kernelConfig(8), split.train(), ProgressMonitor.NONE);
        double f2 = parity.margin().upper() * parity.margin().upper();
        double lower2 = parity.margin().lower() * parity.margin().lower();
        for (int i = 0; i < split.train().n(); i++) {
            double yf = split.train().y(i) * parity.output(split.train().point(i));
            assertTrue(
                    yf >= lower2 - 2 * (f2 - lower2) - 1e-12, "point " + i + ": y f = " + yf + ", margin² ≥ " + lower2);
        }
        assertTrue(parity.error(split.train()) == 0);
    }

    @Test
    void theMaxMarginProgramFindsTheSameCertifiedValueWithoutSparseSeeds() {
        // The seeds of the column search only change how fast columns are found, not the certified value.
        Dataset cube = SampleComplexity.data(4, 400, 1, 1).train();
        GlobalMarginSolver.Options o = GlobalMarginSolver.Options.defaults().withTolerance(1e-4);
        GlobalMarginResult with = GlobalMarginSolver.solve(cube, o, ProgressMonitor.NONE);
        GlobalMarginResult without = GlobalMarginSolver.solve(cube, o.withSparseSeeds(false), ProgressMonitor.NONE);
        assertTrue(with.converged() && without.converged(), with + " / " + without);
        assertTrue(without.lower() <= with.upper() + 1e-12 && with.lower() <= without.upper() + 1e-12);
        assertEquals(
                Math.sqrt(2) / (4 * Math.sqrt(4)), without.lower(), 2e-4 * without.lower(), "the full cube's value");
    }

    @Test
    void theSimplexQuadraticIsRepeatableAndMatchesAGridSearch() {
        // G = BᵀB for a random 3 × 3 B: positive semidefinite.
        Rng rng = new Rng(11);
        double[] b = new double[9];
        for (int k = 0; k < 9; k++) {
            b[k] = rng.nextGaussian();
        }
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    g[i * 3 + j] += b[k * 3 + i] * b[k * 3 + j];
                }
            }
        }
        SimplexQuadratic.Solution one = SimplexQuadratic.minimize(g, 3, 1e-10, 100_000);
        SimplexQuadratic.Solution two = SimplexQuadratic.minimize(g, 3, 1e-10, 100_000);
        assertEquals(java.util.Arrays.toString(one.q()), java.util.Arrays.toString(two.q()), "bit-identical repeats");
        double best = Double.POSITIVE_INFINITY;
        int steps = 2000;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
                double[] q = {(double) i / steps, (double) j / steps, (double) (steps - i - j) / steps};
                double f = 0;
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        f += q[r] * g[r * 3 + c] * q[c];
                    }
                }
                best = Math.min(best, f);
            }
        }
        double found = one.margin().upper() * one.margin().upper();
        assertTrue(found <= best + 1e-9, "found " + found + ", grid " + best);
        assertTrue(one.margin().lower() * one.margin().lower() <= best + 1e-12, "the lower bound is a bound");
        assertTrue(best - found < 1e-4 * Math.max(best, 1e-12) + 1e-6, "the grid is within its spacing");
    }
}
