package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import lowrot.core.util.CancelledException;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/** The global margin and the no-rotation limit against closed forms derived in the comments. */
class GlobalMarginTest {
    private static final GlobalMarginSolver.Options OPTIONS = GlobalMarginSolver.Options.defaults();

    private static GlobalMarginResult solve(double[][] x, double[] y) {
        return GlobalMarginSolver.solve(Dataset.fromPointsUnchecked(x, y), OPTIONS, ProgressMonitor.NONE);
    }

    private static void assertExact(double expected, GlobalMarginResult r) {
        assertTrue(r.converged(), r.toString());
        assertTrue(r.upperCertified());
        assertEquals(expected, r.lower(), 1e-6, "lower " + r);
        assertEquals(expected, r.upper(), 1e-6, "upper " + r);
        assertTrue(r.lower() <= r.upper() + 1e-12);
    }

    /*
     * One point x with label y: the best measure puts all its mass on u = x/‖x‖ with sign y, giving
     * y g(x) = ‖x‖; no measure of mass 1 does better since σ(u·x) ≤ ‖x‖. γ = ‖x‖.
     */
    @Test
    void singlePoint() {
        assertExact(0.7, solve(new double[][] {{0.7 * Math.cos(1), 0.7 * Math.sin(1)}}, new double[] {1}));
        assertExact(0.5, solve(new double[][] {{0, -0.5}}, new double[] {-1}));
        GlobalMarginResult inSpace = solve(new double[][] {{0.6, 0, 0}}, new double[] {1});
        assertEquals(0.6, inSpace.lower(), 1e-12);
        assertEquals(0.6, inSpace.upper(), 1e-12);
    }

    /*
     * A point carrying both labels: y g(x) = g(x) and −g(x) for the same x, so every network has margin ≤ 0, and the
     * zero network has margin 0: γ_gl = 0, in the plane and in space. The dual q = (½, ½) on the two copies gives
     * h ≡ 0, the certificate. Also with a third, separable point beside them.
     */
    @Test
    void aPointWithBothLabelsIsNotSeparable() {
        for (double[][] x : new double[][][] {
            {{0.3, 0.4}, {0.3, 0.4}}, {{0.3, 0.4, 0.5}, {0.3, 0.4, 0.5}}, {{0.3, 0.4}, {0.3, 0.4}, {-0.6, 0.1}}
        }) {
            double[] y = x.length == 2 ? new double[] {1, -1} : new double[] {1, -1, 1};
            GlobalMarginResult r = solve(x, y);
            assertEquals(0.0, r.lower(), 0.0, r.toString());
            assertTrue(r.upperCertified() && r.upper() >= 0 && r.upper() <= 1e-12, r.toString());
            assertTrue(r.notSeparable(), r.toString());
            assertEquals("not separable, γ_gl = 0", r.upperStatus());
            assertEquals(0, r.neurons(), "the zero network attains it");
            assertTrue(r.converged());
        }
        // A separable set is never called so.
        assertTrue(!solve(new double[][] {{0.3, 0.4}}, new double[] {1}).notSeparable());
    }

    /*
     * x₁ = e₁ (+1), x₂ = −e₁ (−1). At most one of σ(u·x₁), σ(u·x₂) is positive, so μ = α δ_{e₁} − β δ_{−e₁}
     * with α + β ≤ 1 and margins (α, β): γ ≥ 1/2. Dual q = (1/2, 1/2): h(u) = (σ(u₁) − σ(−u₁))/2 = u₁/2,
     * so max |h| = 1/2. γ = 1/2. The same holds with equal labels (h = |u₁|/2).
     */
    @Test
    void antipodalPoints() {
        assertExact(0.5, solve(new double[][] {{1, 0}, {-1, 0}}, new double[] {1, -1}));
        assertExact(0.5, solve(new double[][] {{1, 0}, {-1, 0}}, new double[] {1, 1}));
    }

    /*
     * ±e₁ labelled +1, ±e₂ labelled −1 (invariant under the symmetries of the square, which make
     * uniform q optimal). μ = ¼ on e₁ and −e₁, −¼ on e₂ and −e₂: every margin ¼. With q uniform,
     * h(u) = (|u₁| − |u₂|)/4, whose maximum modulus on the circle is ¼. γ = ¼. Rotating the data by
     * 45° (the XOR points (±1, ±1)/√2 with y = sign(x₁x₂)) changes nothing.
     */
    @Test
    void pointsOnOrthogonalAxes() {
        assertExact(0.25, solve(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}, new double[] {1, 1, -1, -1}));
        double c = Math.sqrt(0.5);
        assertExact(0.25, solve(new double[][] {{c, c}, {-c, -c}, {-c, c}, {c, -c}}, new double[] {1, 1, -1, -1}));
    }

    /*
     * e₁, …, e_d, with p points labelled +1 and n' labelled −1. The network with one neuron on
     * 1_P/√p (weight α) and one on 1_N/√n' (weight −β) has margins α/√p and β/√n'; balancing them
     * with α + β = 1 gives 1/(√p + √n'). Dual: q = λ/√p on P and λ/√n' on N with λ = 1/(√p + √n');
     * then h ≤ λ on every unit u (Cauchy–Schwarz on each block). γ = 1/(√p + √n'); all labels +1
     * give 1/√d, attained by the single neuron (1, …, 1)/√d.
     */
    @Test
    void standardBasisInHigherDimension() {
        double[][] x = new double[5][5];
        for (int k = 0; k < 5; k++) {
            x[k][k] = 1;
        }
        GlobalMarginResult allPositive = solve(x, new double[] {1, 1, 1, 1, 1});
        double tol = OPTIONS.tolerance();
        assertEquals(1 / Math.sqrt(5), allPositive.lower(), tol);
        assertEquals(1 / Math.sqrt(5), allPositive.upper(), tol);
        GlobalMarginResult mixed = solve(x, new double[] {1, 1, -1, -1, -1});
        assertEquals(1 / (Math.sqrt(2) + Math.sqrt(3)), mixed.lower(), tol);
        assertEquals(1 / (Math.sqrt(2) + Math.sqrt(3)), mixed.upper(), tol);
        assertTrue(mixed.upperCertified(), "d > 2: the upper bound is certified by branch and bound");
    }

    @Test
    void randomDataBoundsAndTheExplicitNetwork() {
        for (long seed = 1; seed <= 6; seed++) {
            DataSpec spec = seed % 2 == 0
                    ? DataSpec.defaults(DatasetKind.QUADRANTS).withN(300).withGapDegrees(5)
                    : DataSpec.defaults(DatasetKind.SECTORS).withSectors(8).withN(200);
            Dataset data = Datasets.generate(spec, seed).train();
            GlobalMarginResult r = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
            assertTrue(r.converged(), r.toString());
            assertTrue(r.lower() <= r.upper() + 1e-12 && r.gap() <= OPTIONS.tolerance() * r.upper(), r.toString());
            Network net = r.network();
            assertEquals(1.0, net.pathNorm(), 1e-12);
            assertEquals(r.lower(), net.minMarginOfG(data), 1e-12);
            assertTrue(r.lower() > 0);
        }
    }

    @Test
    void noRotationLimitIsBelowTheGlobalMarginAndApproachesIt() {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.QUADRANTS).withN(200).withGapDegrees(10), 3)
                .train();
        GlobalMarginResult global = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        double previous = Double.NEGATIVE_INFINITY;
        for (int width : new int[] {8, 64, 512, 4096}) {
            Network net = Network.initialize(NetworkSpec.defaults().withWidth(width), 2, true, new Rng(5));
            GlobalMarginResult limit = GlobalMarginSolver.noRotationLimit(data, net, OPTIONS, ProgressMonitor.NONE);
            assertTrue(limit.converged() && limit.upperCertified(), limit.toString());
            assertTrue(limit.lower() <= limit.upper() + 1e-12);
            assertTrue(limit.upper() <= global.upper() + 1e-9, width + ": " + limit + " vs " + global);
            assertEquals(limit.lower(), limit.network().minMarginOfG(data), 1e-12);
            // One seed draws neurons in the same order at every width, so a wider network's directions
            // contain a narrower one's: the limit can only grow.
            assertTrue(limit.lower() >= previous - 1e-9, "width " + width);
            previous = limit.lower();
        }
        assertTrue(previous >= 0.97 * global.lower(), "m = 4096 reaches " + previous / global.lower() + " of γ_gl");
    }

    @Test
    void networkPathMarginNeverExceedsTheNoRotationLimitOrTheGlobalMargin() {
        RunConfig cfg = RunConfig.defaults()
                .withTraining(TrainSpec.defaults()
                        .withRegime(Regime.NO_ROTATION)
                        .withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)
                        .withStepSize(0.05));
        Trainer trainer = new Trainer(cfg);
        trainer.steps(3000);
        Metrics mt = trainer.snapshot(0).metrics();
        Dataset data = trainer.data().train();
        GlobalMarginResult limit =
                GlobalMarginSolver.noRotationLimit(data, trainer.initialNetwork(), OPTIONS, ProgressMonitor.NONE);
        GlobalMarginResult global = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        assertTrue(mt.marginPath() > 0, "training should separate the data: " + mt.marginPath());
        assertTrue(mt.marginPath() <= limit.upper() + 1e-9, mt.marginPath() + " vs " + limit);
        assertTrue(limit.upper() <= global.upper() + 1e-9);
    }

    @Test
    void progressAndCancellation() {
        // d = 8, where 300 points miss many of the cube's 256 and leave no symmetry to shorten the search.
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(8).withN(300), 1)
                .train();
        AtomicInteger queries = new AtomicInteger();
        // Cancelled from the fourth question on: the rounds and the branch and bound both ask, so even a
        // solve of one round stops, and it stops at the first question answered yes.
        ProgressMonitor cancelLater = new ProgressMonitor() {
            @Override
            public boolean cancelled() {
                return queries.incrementAndGet() >= 4;
            }
        };
        assertThrows(CancelledException.class, () -> GlobalMarginSolver.solve(data, OPTIONS, cancelLater));
        assertEquals(4, queries.get());
        AtomicInteger calls = new AtomicInteger();
        GlobalMarginSolver.solve(data, OPTIONS, new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                assertTrue(fraction >= 0 && fraction < 1 && message.startsWith("margin"), fraction + " " + message);
                calls.incrementAndGet();
            }
        });
        assertTrue(calls.get() >= 1, "progress is reported every round");
    }

    @Test
    void deterministicForASeed() {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(5).withN(200), 2)
                .train();
        GlobalMarginResult a = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        GlobalMarginResult b = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        assertEquals(a.lower(), b.lower(), 0);
        assertEquals(a.upper(), b.upper(), 0);
    }
}
