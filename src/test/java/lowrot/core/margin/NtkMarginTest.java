package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import lowrot.core.util.CancelledException;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/** The NTK margin and the tangent-kernel margin against closed forms derived in the comments. */
class NtkMarginTest {
    private static final NtkMarginSolver.Options OPTIONS = NtkMarginSolver.Options.defaults();

    private static Dataset points(double[][] x, double[] y) {
        return Dataset.fromPointsUnchecked(x, y);
    }

    private static void assertCertified(NtkMarginResult r, double tolerance) {
        assertTrue(r.converged(), r.toString());
        assertTrue(r.lower() <= r.upper() + 1e-12, r.toString());
        assertTrue(r.gap() <= tolerance, r.toString());
    }

    /*
     * One point x of norm ρ: q = 1 and E_v ‖x 1[v·x ≥ 0]‖ = ρ P(v·x ≥ 0) = ρ/2. With M samples the
     * estimate is ρ·(fraction of v_r with v_r·x ≥ 0), whose standard error is ρ/(2√M).
     */
    @Test
    void singlePoint() {
        NtkMarginResult r = NtkMarginSolver.solve(
                points(new double[][] {{0.3, 0.4}}, new double[] {-1}),
                OPTIONS.withDirections(10_000),
                ProgressMonitor.NONE);
        assertCertified(r, OPTIONS.tolerance());
        assertEquals(0.5 / (2 * Math.sqrt(10_000)), r.standardError(), 2e-5);
        assertEquals(0.25, r.value(), 4 * r.standardError());
        assertArrayEquals(new int[] {0}, r.support());
    }

    /*
     * x₁ = e₁ (+1), x₂ = −e₁ (−1): y_i x_i = e₁ for both, so ‖w(v)‖ = q₁ 1[v₁ ≥ 0] + q₂ 1[v₁ ≤ 0] and
     * E‖w‖ = (q₁ + q₂)/2 = 1/2 for every q. γ_ntk = 1/2; with M samples, min(c₊, c₋)/M.
     */
    @Test
    void antipodalPoints() {
        NtkMarginResult r = NtkMarginSolver.solve(
                points(new double[][] {{1, 0}, {-1, 0}}, new double[] {1, -1}), OPTIONS, ProgressMonitor.NONE);
        assertCertified(r, OPTIONS.tolerance());
        assertEquals(0.5, r.value(), 4 / (2 * Math.sqrt(OPTIONS.directions())));
    }

    /*
     * x₁ = e₁, x₂ = e₂ (any labels): ‖w(v)‖² = q₁² 1[v₁ ≥ 0] + q₂² 1[v₂ ≥ 0]. Averaging over the four
     * quadrants: E‖w‖ = (√(q₁² + q₂²) + q₁ + q₂ + 0)/4, minimised on the simplex at q = (½, ½):
     * γ_ntk = (1 + 1/√2)/4 ≈ 0.4268.
     */
    @Test
    void orthogonalAxes() {
        NtkMarginResult r = NtkMarginSolver.solve(
                points(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1}),
                OPTIONS.withDirections(20_000).withTolerance(1e-5),
                ProgressMonitor.NONE);
        assertCertified(r, 1e-5);
        assertEquals((1 + Math.sqrt(0.5)) / 4, r.value(), 4 * r.standardError() + 1e-5);
        assertEquals(0.5, r.supportWeights()[0], 0.05);
    }

    /*
     * ±e₁ labelled +1, ±e₂ labelled −1. Rotating by 90° and negating every label maps the problem to
     * itself and acts transitively on the points, so uniform q is optimal in the limit M → ∞. With
     * q = ¼, in every open quadrant exactly one point of each label is active and ‖w(v)‖ = √2/4 for
     * every v off the axes: F(uniform) = √2/4 for every sample. So the M-sample value is at most √2/4
     * (uniform q is feasible) and within O(1/√M) of it.
     */
    @Test
    void symmetricSquare() {
        NtkMarginResult r = NtkMarginSolver.solve(
                points(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}, new double[] {1, 1, -1, -1}),
                OPTIONS.withTolerance(1e-6),
                ProgressMonitor.NONE);
        assertCertified(r, 1e-6);
        assertTrue(r.upper() <= Math.sqrt(2) / 4 + 1e-15, r.toString());
        assertEquals(Math.sqrt(2) / 4, r.lower(), 1 / Math.sqrt(OPTIONS.directions()));
        assertEquals(4, r.support().length);
    }

    /*
     * Tangent kernel of a network with directions e₁ and −e₁ (|a| = 1 each, so weights ½), data
     * x₁ = e₁ (+1) and x₂ = e₂ (+1). Masks use ≥: e₁ sees both points, −e₁ sees x₂ only.
     * F(q) = ½√(q₁² + q₂²) + ½q₂, minimised at q = (1, 0): value ½. Primal: θ = (e₁, e₂) gives
     * margins ½ and ½·0 + ½·1 = ½. γ = ½ — an example where the weight on −e₁ is zero at the optimum,
     * so θ for that direction must be chosen with care.
     */
    @Test
    void tangentKernelOfTwoNeurons() {
        Network net = Network.of(new double[] {1, -1}, new double[] {1, 0, -1, 0}, 2, 1.0);
        NtkMarginResult r = NtkMarginSolver.tangentKernel(
                points(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 1}),
                net,
                OPTIONS.withTolerance(1e-6),
                ProgressMonitor.NONE);
        assertCertified(r, 1e-6);
        assertEquals(0.5, r.lower(), 1e-6);
        assertTrue(Double.isNaN(r.standardError()));
    }

    /*
     * One neuron along (1, 1), data e₁ (+1) and e₂ (−1), both active: w = q₁e₁ − q₂e₂,
     * ‖w‖ = √(q₁² + q₂²), minimal at q = (½, ½): γ = 1/√2, attained by θ = (1, −1)/√2.
     */
    @Test
    void tangentKernelOfOneNeuron() {
        Network net = Network.of(new double[] {0.3}, new double[] {1, 1}, 2, 1.0);
        NtkMarginResult r = NtkMarginSolver.tangentKernel(
                points(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1}),
                net,
                OPTIONS.withTolerance(1e-7),
                ProgressMonitor.NONE);
        assertCertified(r, 1e-7);
        assertEquals(Math.sqrt(0.5), r.value(), 1e-7);
        double[] theta = r.theta();
        assertEquals(Math.sqrt(0.5), theta[0], 1e-4);
        assertEquals(-Math.sqrt(0.5), theta[1], 1e-4);
    }

    @Test
    void randomDataAreCertifiedAndSeedsAgree() {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(6).withN(150), 4)
                .train();
        NtkMarginResult[] runs = new NtkMarginResult[4];
        for (int s = 0; s < runs.length; s++) {
            runs[s] = NtkMarginSolver.solve(data, OPTIONS.withDirections(2048).withSeed(s + 1), ProgressMonitor.NONE);
            assertCertified(runs[s], OPTIONS.tolerance());
        }
        for (int a = 0; a < runs.length; a++) {
            for (int b = 0; b < a; b++) {
                double se = Math.hypot(runs[a].standardError(), runs[b].standardError());
                assertEquals(runs[a].value(), runs[b].value(), 4 * se + OPTIONS.tolerance(), a + " vs " + b);
            }
        }
        // Same seed, same bits.
        NtkMarginResult again =
                NtkMarginSolver.solve(data, OPTIONS.withDirections(2048).withSeed(1), ProgressMonitor.NONE);
        assertEquals(runs[0].lower(), again.lower(), 0);
        assertEquals(runs[0].upper(), again.upper(), 0);
    }

    /*
     * At a ±1 initialization the weights |a_j|/Σ|a_k| are uniform and the v_j are i.i.d. Gaussian: the
     * tangent-kernel margin is then an independent M = m sample of γ_ntk and must agree with the
     * sampled solver within a few standard errors.
     */
    @Test
    void tangentKernelAtInitializationIsAnNtkSample() {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(5).withN(120), 7)
                .train();
        NtkMarginResult sampled = NtkMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        Network net = Network.initialize(NetworkSpec.defaults().withWidth(OPTIONS.directions()), 5, false, new Rng(3));
        NtkMarginResult kernel = NtkMarginSolver.tangentKernel(data, net, OPTIONS, ProgressMonitor.NONE);
        assertCertified(kernel, OPTIONS.tolerance());
        assertEquals(
                sampled.value(), kernel.value(), 4 * Math.sqrt(2) * sampled.standardError() + 2 * OPTIONS.tolerance());
    }

    @Test
    void cancellation() {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(8).withN(300), 4)
                .train();
        AtomicInteger polls = new AtomicInteger();
        ProgressMonitor stopAtOnce = new ProgressMonitor() {
            @Override
            public boolean cancelled() {
                return polls.incrementAndGet() > 1;
            }
        };
        assertThrows(
                CancelledException.class, () -> NtkMarginSolver.solve(data, OPTIONS.withTolerance(1e-9), stopAtOnce));
    }
}
