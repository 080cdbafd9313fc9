package lowrot.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Loss;
import lowrot.core.model.MaxMarginAtoms;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.RunConfig;
import lowrot.core.step.MetricsKernel;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/** Metrics of tiny networks, checked against arithmetic done by hand in the comments. */
class MetricsHandTest {
    private static final double EPS = 1e-15;

    /*
     * Data: x₁ = (1, 0), y₁ = +1; x₂ = (0, 1), y₂ = −1. Test: (−1, 0) with y = +1, (1, 0) with y = +1.
     * Now:   a = (2, −1), v₁ = (1, 0), v₂ = (0, 1), s = 1.
     * Init:  a = (1, −1), v₁ = (1, −1), v₂ = (0, 1).
     * g(x₁) = 2·σ(1) − σ(0) = 2 → y₁g = 2;  g(x₂) = 2·σ(0) − σ(1) = −1 → y₂g = 1.
     * min y g = 1 at i = 1 (0-based), min margin = s·1 = 1.
     * ‖W‖² = (4 + 1) + (1 + 1) = 7 → γ_F = 1/7;  path norm = 2·1 + 1·1 = 3 → γ_P = 1/3.
     * Frozen outer layer: γ_F = 1/‖V‖ = 1/√2.
     * Risk (logistic) = [ln(1 + e^{−2}) + ln(1 + e^{−1})]/2; train error 0.
     * Test: g(−1, 0) = 2σ(−1) − σ(0) = 0 → counts as an error; g(1, 0) = 2 → right. Test error 1/2.
     * Rotation: ∠((1,0), (1,−1)) = π/4, ∠(v₂, v₂(0)) = 0: mean π/8, median π/8, max π/4;
     *   weights |a_j|‖v_j‖ = (2, 1): weighted mean (2·π/4 + 0)/3 = π/6.
     * Motion: Δa = (1, 0), Δv₁ = (0, 1), Δv₂ = 0 → ‖ΔW‖ = √2, /√m = 1.
     * Patterns 1[v·x ≥ 0]: only (x₂, v₁) changes (v₁(0)·x₂ = −1 < 0, v₁·x₂ = 0 ≥ 0): 1 of 4.
     */
    @Test
    void twoNeuronsTwoPoints() {
        Dataset train = Dataset.fromPoints(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1});
        Dataset test = Dataset.fromPoints(new double[][] {{-1, 0}, {1, 0}, {0, 1}}, new double[] {1, 1, -1})
                .minus(2);
        Network initial = Network.of(new double[] {1, -1}, new double[] {1, -1, 0, 1}, 2, 1.0);
        Network now = Network.of(new double[] {2, -1}, new double[] {1, 0, 0, 1}, 2, 1.0);
        MetricsCalculator calc = new MetricsCalculator(initial, train, test, null);
        Metrics mt = calc.compute(now, Loss.LOGISTIC, true, 3, 0.75, Math.log(0.75));

        assertEquals(1.0, mt.minMargin(), EPS);
        assertEquals(1, mt.worstIndex());
        assertEquals(1.0 / 7, mt.marginFrobenius(), EPS);
        assertEquals(1.0 / 3, mt.marginPath(), EPS);
        assertEquals(Math.sqrt(7), mt.weightNorm(), EPS);
        assertEquals(3.0, mt.pathNorm(), EPS);
        assertEquals((Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1))) / 2, mt.risk(), EPS);
        assertEquals(Math.log(mt.risk()), mt.logRisk(), EPS);
        assertEquals(0.0, mt.trainError());
        assertEquals(0.5, mt.testError());
        assertEquals(Math.PI / 8, mt.rotationMean(), EPS);
        assertEquals(Math.PI / 8, mt.rotationMedian(), EPS);
        assertEquals(Math.PI / 4, mt.rotationMax(), EPS);
        assertEquals(Math.PI / 6, mt.rotationWeighted(), EPS);
        assertEquals(Math.sqrt(2), mt.motion(), EPS);
        assertEquals(1.0, mt.motionPerSqrtM(), EPS);
        assertEquals(0.25, mt.patternsChanged(), EPS);
        assertTrue(Double.isNaN(mt.featureShare()) && Double.isNaN(mt.centreAlignment()));
        assertEquals(3, mt.step());

        Metrics frozenOuter = calc.compute(now, Loss.LOGISTIC, false, 3, 0.75, Math.log(0.75));
        assertEquals(1 / Math.sqrt(2), frozenOuter.marginFrobenius(), EPS);
    }

    /*
     * Three neurons in the plane, by hand. Free regime: v₃ has become 0, so it has no direction: it is counted as a
     * zero neuron (1/3) and left out of the angles, which are those of v₁ (π/2: (1,0) → (0,1)) and v₂ (0): mean π/4,
     * median π/4, max π/2, weighted by |a_j|‖v_j‖ = (1, 2): (π/2)/3 = π/6.
     * No-rotation regime, u = (e₁, e₂, e₁), b(0) = (1, 1, 1) → b = (−2, 1, 0): neuron 1 points the other way along
     * its line (a flipped norm, 1/3), neuron 3 is zero (1/3); the line of every neuron is unchanged: rotation 0.
     */
    @Test
    void zeroNeuronsAreLeftOutOfTheAnglesAndFlippedNormsCountedApart() {
        Dataset train = Dataset.fromPoints(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1});
        Dataset test = Dataset.empty(DatasetKind.POINTS, 2);
        Network initial = Network.of(new double[] {1, 1, 1}, new double[] {1, 0, 0, 1, 1, 0}, 2, 1.0);
        Network now = Network.of(new double[] {1, 1, 1}, new double[] {0, 1, 0, 2, 0, 0}, 2, 1.0);
        Metrics free = new MetricsCalculator(initial, train, test, null).compute(now, Loss.LOGISTIC, true, 1, 1, 0);
        assertEquals(1.0 / 3, free.zeroNeurons(), EPS);
        assertTrue(Double.isNaN(free.flippedNorms()));
        assertEquals(Math.PI / 4, free.rotationMean(), EPS);
        assertEquals(Math.PI / 4, free.rotationMedian(), EPS);
        assertEquals(Math.PI / 2, free.rotationMax(), EPS);
        assertEquals(Math.PI / 6, free.rotationWeighted(), EPS);

        double[] u = {1, 0, 0, 1, 1, 0};
        Network initialNr = Network.ofNoRotation(new double[] {1, 1, 1}, new double[] {1, 1, 1}, u, 2, 1.0);
        Network nowNr = Network.ofNoRotation(new double[] {1, 1, 1}, new double[] {-2, 1, 0}, u, 2, 1.0);
        Metrics nr = new MetricsCalculator(initialNr, train, test, null).compute(nowNr, Loss.LOGISTIC, true, 1, 1, 0);
        assertEquals(1.0 / 3, nr.flippedNorms(), EPS);
        assertEquals(1.0 / 3, nr.zeroNeurons(), EPS);
        assertEquals(0.0, nr.rotationMean());
        assertEquals(0.0, nr.rotationMax());
    }

    /*
     * Parity data in d = 3 (any points will do; only the kind matters for the share).
     * v₁ = (1, 1, 2), a₁ = 1: ‖v₁‖² = 6, share on coordinates 1–2 = 2/6 = 1/3, weight √6.
     * v₂ = (0, 0, 3), a₂ = 2: share 0, weight 2·3 = 6.
     * Weighted share = (√6/3) / (√6 + 6).
     */
    @Test
    void parityFeatureShare() {
        double c = 1 / Math.sqrt(3);
        Dataset train =
                new Dataset(DatasetKind.PARITY, 3, new double[] {c, c, c, c, -c, c}, new double[] {1, -1}, null);
        Network net = Network.of(new double[] {1, 2}, new double[] {1, 1, 2, 0, 0, 3}, 3, 1.0);
        Metrics mt = new MetricsCalculator(net, train, Dataset.empty(DatasetKind.PARITY, 3), null)
                .compute(net, Loss.LOGISTIC, true, 0, 0, Double.NEGATIVE_INFINITY);
        assertEquals((Math.sqrt(6) / 3) / (Math.sqrt(6) + 6), mt.featureShare(), EPS);
        assertTrue(Double.isNaN(mt.testError()));
        assertEquals(0.0, mt.rotationMax());
        assertEquals(0.0, mt.motion());
    }

    /*
     * Centres (1, 0) and (0, 1). v₁ = (1, 1), a₁ = 1: nearest cosine 1/√2, weight √2.
     * v₂ = (−1, 0), a₂ = 1: cosines −1 and 0, nearest 0, weight 1.
     * Weighted alignment = (√2·(1/√2) + 0)/(√2 + 1) = 1/(1 + √2).
     */
    @Test
    void centreAlignment() {
        Dataset train = new Dataset(
                DatasetKind.NEURAL_COLLAPSE, 2, new double[] {0.9, 0, 0, 0.9}, new double[] {1, -1}, new double[] {
                    1, 0, 0, 1
                });
        Network net = Network.of(new double[] {1, 1}, new double[] {1, 1, -1, 0}, 2, 1.0);
        Metrics mt = new MetricsCalculator(net, train, Dataset.empty(DatasetKind.NEURAL_COLLAPSE, 2), null)
                .compute(net, Loss.EXPONENTIAL, true, 0, 0, Double.NEGATIVE_INFINITY);
        assertEquals(1 / (1 + Math.sqrt(2)), mt.centreAlignment(), EPS);
        // g(x₁) = 0.9, g(x₂) = 0.9 → y g = (0.9, −0.9): risk (e^{−0.9} + e^{0.9})/2, train error 1/2.
        assertEquals((Math.exp(-0.9) + Math.exp(0.9)) / 2, mt.risk(), EPS);
        assertEquals(0.5, mt.trainError());
    }

    /*
     * Atoms u₁ = (1, 0) with w = +0.6, u₂ = (0, 1) with w = −0.4, and one of weight 1e−7 (round-off, not a target)
     * at (−1, 0) with w > 0. Neurons: a₁ = 2, v₁ = (3, 4): only u₁ has its sign, cosine 3/5, weight 2·5 = 10;
     * a₂ = −1, v₂ = (0, −2): only u₂, cosine −1, weight 2; a₃ = 0: no weight.
     * Weighted alignment = (10·0.6 − 2)/12 = 1/3 — the same with every weight scaled by 1e200.
     */
    @Test
    void optimalAlignment() {
        MaxMarginAtoms atoms = MaxMarginAtoms.of(new double[] {1, 0, 0, 1, -1, 0}, new double[] {0.6, -0.4, 1e-7}, 2);
        assertEquals(2, atoms.count());
        Dataset train = new Dataset(
                DatasetKind.NEURAL_COLLAPSE, 2, new double[] {1, 0, 0, 1}, new double[] {1, -1}, new double[] {
                    1, 0, 0, 1
                });
        Network net = Network.of(new double[] {2, -1, 0}, new double[] {3, 4, 0, -2, 1, 1}, 2, 1.0);
        Metrics mt = new MetricsCalculator(net, train, Dataset.empty(DatasetKind.NEURAL_COLLAPSE, 2), atoms)
                .compute(net, Loss.EXPONENTIAL, true, 0, 0, Double.NEGATIVE_INFINITY);
        assertEquals(1.0 / 3, mt.optimalAlignment(), EPS);
        Network huge =
                Network.of(new double[] {2e200, -1e200, 0}, new double[] {3e200, 4e200, 0, -2e200, 1, 1}, 2, 1.0);
        Metrics big = new MetricsCalculator(huge, train, Dataset.empty(DatasetKind.NEURAL_COLLAPSE, 2), atoms)
                .compute(huge, Loss.EXPONENTIAL, true, 0, 0, Double.NEGATIVE_INFINITY);
        assertEquals(1.0 / 3, big.optimalAlignment(), EPS);
        // Without atoms the metric does not apply.
        Metrics none = new MetricsCalculator(net, train, Dataset.empty(DatasetKind.NEURAL_COLLAPSE, 2), null)
                .compute(net, Loss.EXPONENTIAL, true, 0, 0, Double.NEGATIVE_INFINITY);
        assertTrue(Double.isNaN(none.optimalAlignment()));
    }

    /*
     * Scaling both layers by t multiplies g by t², ‖W‖ by t and the path norm by t², and leaves every
     * normalized margin, angle and share unchanged. At t = 1e150 the naive sums of squares overflow;
     * lowrot computes them scaled and must agree with the closed-form scaling.
     */
    @Test
    void hugeWeightsNeverOverflow() {
        Trainer trainer = new Trainer(
                RunConfig.defaults().withNetwork(NetworkSpec.defaults().withWidth(16)));
        trainer.steps(200);
        Network net = trainer.network();
        Network initial = trainer.initialNetwork();
        double t = 1e150;
        double[] a = net.copyA();
        double[] v = net.copyV();
        for (int j = 0; j < a.length; j++) {
            a[j] *= t;
        }
        for (int q = 0; q < v.length; q++) {
            v[q] *= t;
        }
        Network big = Network.of(a, v, net.dim(), net.scale());
        MetricsCalculator calc = new MetricsCalculator(
                initial, trainer.data().train(), trainer.data().test(), null);
        Metrics small = calc.compute(net, Loss.LOGISTIC, true, 1, 1, 0);
        Metrics huge = calc.compute(big, Loss.LOGISTIC, true, 1, 1, 0);
        assertEquals(small.marginPath(), huge.marginPath(), 1e-12 * Math.abs(small.marginPath()));
        assertEquals(small.marginFrobenius(), huge.marginFrobenius(), 1e-12 * Math.abs(small.marginFrobenius()));
        assertEquals(t * small.weightNorm(), huge.weightNorm(), 1e-12 * t * small.weightNorm());
        assertEquals(t * t * small.pathNorm(), huge.pathNorm(), 1e-12 * t * t * small.pathNorm());
        assertEquals(small.rotationMean(), huge.rotationMean(), 1e-12);
        assertEquals(small.trainError(), huge.trainError());
        assertEquals(small.testError(), huge.testError());
        assertTrue(Double.isFinite(huge.motion()) && huge.motion() > 0.99 * t * small.weightNorm());
        // With a frozen outer layer only V scales: γ_F = min y g/‖V‖ is unchanged too.
        Network bigV = Network.of(net.copyA(), v, net.dim(), net.scale());
        Metrics frozenSmall = calc.compute(net, Loss.LOGISTIC, false, 1, 1, 0);
        Metrics frozenHuge = calc.compute(bigV, Loss.LOGISTIC, false, 1, 1, 0);
        assertEquals(
                frozenSmall.marginFrobenius(),
                frozenHuge.marginFrobenius(),
                1e-12 * Math.abs(frozenSmall.marginFrobenius()));
        assertEquals(frozenSmall.marginPath(), frozenHuge.marginPath(), 1e-12 * Math.abs(frozenSmall.marginPath()));
    }

    /* Angles that acos(cos) would get wrong: 1e−9 rad, and exactly antiparallel vectors. */
    @Test
    void smallAndLargeAngles() {
        double t = 1e-9;
        double[] p = {Math.cos(t), Math.sin(t)};
        double[] q = {1, 0};
        double[] both = {p[0], p[1]};
        double[] ref = {q[0], q[1]};
        assertEquals(t, Angles.angle(both, ref, 0, 2), 1e-22);
        assertEquals(Math.PI, Angles.angle(new double[] {-2, 0}, new double[] {3, 0}, 0, 2), 0);
        assertEquals(0.0, Angles.angle(new double[] {2, 6}, new double[] {1, 3}, 0, 2), 1e-16);
        assertEquals(Math.PI / 2, Angles.angle(new double[] {0, 0}, new double[] {1, 3}, 0, 2));
    }

    /** Test error and pattern changes against {@link Network#g}, point by point, for d = 2 (its own kernel) and d = 5. */
    @Test
    void testErrorAndPatternsMatchTheNetworkPointByPoint() {
        for (int d : new int[] {2, 5}) {
            Rng rng = new Rng(40 + d);
            int m = 37;
            double[][] train = new double[25][d];
            double[] trainY = new double[25];
            double[][] test = new double[301][d];
            double[] testY = new double[301];
            for (double[][] pts : new double[][][] {train, test}) {
                for (double[] x : pts) {
                    double norm = 0;
                    for (int k = 0; k < d; k++) {
                        x[k] = rng.nextGaussian();
                        norm += x[k] * x[k];
                    }
                    for (int k = 0; k < d; k++) {
                        x[k] /= Math.sqrt(norm);
                    }
                }
            }
            for (int i = 0; i < trainY.length; i++) {
                trainY[i] = rng.nextSign();
            }
            for (int i = 0; i < testY.length; i++) {
                testY[i] = rng.nextSign();
            }
            double[] a0 = new double[m];
            double[] v0 = new double[m * d];
            double[] a = new double[m];
            double[] v = new double[m * d];
            for (int j = 0; j < m; j++) {
                a0[j] = rng.nextSign();
                a[j] = a0[j] + 0.3 * rng.nextGaussian();
                for (int k = 0; k < d; k++) {
                    v0[j * d + k] = rng.nextGaussian();
                    v[j * d + k] = v0[j * d + k] + 0.5 * rng.nextGaussian();
                }
            }
            Network initial = Network.of(a0, v0, d, 1.0);
            Network now = Network.of(a, v, d, 1.0);
            Dataset trainSet = Dataset.fromPoints(train, trainY);
            Metrics mt = new MetricsCalculator(initial, trainSet, Dataset.fromPoints(test, testY), null)
                    .compute(now, Loss.LOGISTIC, true, 1, 1, 0);
            int wrong = 0;
            for (int i = 0; i < test.length; i++) {
                wrong += testY[i] * now.g(test[i]) <= 0 ? 1 : 0;
            }
            assertEquals((double) wrong / test.length, mt.testError(), "d = " + d);
            assertTrue(wrong > 0 && wrong < test.length, "random labels: some right, some wrong");
            long changed = 0;
            for (double[] x : train) {
                for (int j = 0; j < m; j++) {
                    double h = 0;
                    double h0 = 0;
                    for (int k = 0; k < d; k++) {
                        h += v[j * d + k] * x[k];
                        h0 += v0[j * d + k] * x[k];
                    }
                    changed += (h >= 0) != (h0 >= 0) ? 1 : 0;
                }
            }
            assertTrue(changed > 0);
            assertEquals((double) changed / (train.length * m), mt.patternsChanged(), 1e-15, "d = " + d);
        }
    }

    /** The branch-free pattern test equals 1[h ≥ 0] ≠ 1[h0 ≥ 0], signed zeros included. */
    @Test
    void signsDifferAsTheComparison() {
        double[] values = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            1e308,
            -1e308,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double h : values) {
            for (double h0 : values) {
                int expected = (h >= 0) != (h0 >= 0) ? 1 : 0;
                assertEquals(expected, MetricsKernel.signsDiffer(h, h0), h + " vs " + h0);
            }
        }
    }
}
