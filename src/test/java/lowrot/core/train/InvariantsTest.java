package lowrot.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.InnerScale;
import lowrot.core.model.Loss;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.OuterInit;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.step.VectorEngine;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

class InvariantsTest {

    private static RunConfig quadrants(int m, Regime regime, Optimizer optimizer) {
        return RunConfig.defaults()
                .withNetwork(NetworkSpec.defaults().withWidth(m))
                .withTraining(TrainSpec.defaults()
                        .withRegime(regime)
                        .withOptimizer(optimizer)
                        .withStepSize(0.2));
    }

    @Test
    void frobeniusMarginIsAtMostHalfThePathMargin() {
        // ‖W‖² = Σ a_j² + ‖v_j‖² ≥ 2 Σ |a_j| ‖v_j‖, so |γ_F| ≤ |γ_P| / 2 whatever the sign of the margin.
        Rng rng = new Rng(21);
        int positives = 0;
        for (int trial = 0; trial < 200; trial++) {
            RunConfig cfg = quadrants(1, Regime.NEAR_INITIALIZATION, Optimizer.GRADIENT_FLOW)
                    .withDataset(DataSpec.defaults(DatasetKind.HALF_PLANE).withN(40))
                    .withSeeds(trial, 1000 + trial)
                    .withNetwork(NetworkSpec.defaults()
                            .withWidth(1 + rng.nextInt(40))
                            .withOuterInit(OuterInit.GAUSSIAN)
                            .withInitScale(0.1 + 3 * rng.nextDouble()));
            Trainer trainer = new Trainer(cfg);
            trainer.steps(rng.nextInt(300));
            Metrics mt = trainer.snapshot(0).metrics();
            assertTrue(
                    2 * Math.abs(mt.marginFrobenius()) <= Math.abs(mt.marginPath()) * (1 + 1e-12),
                    "trial " + trial + ": γ_F = " + mt.marginFrobenius() + ", γ_P = " + mt.marginPath());
            if (mt.marginPath() > 0) {
                positives++;
            }
        }
        assertTrue(positives > 10, "too few separating networks to test the positive case: " + positives);
    }

    @Test
    void noRotationKeepsEveryDirectionExactly() {
        // The flow conserves a_j² − b_j²; where it is positive, b_j may reach 0 and the neuron flips.
        RunConfig cfg = quadrants(32, Regime.NO_ROTATION, Optimizer.GRADIENT_FLOW);
        Trainer trainer = new Trainer(cfg.withNetwork(
                cfg.network().withInnerScale(InnerScale.ONE).withInitScale(1.0).withOuterInit(OuterInit.GAUSSIAN)));
        Network start = trainer.network();
        trainer.steps(2000);
        Snapshot snap = trainer.snapshot(1);
        Network now = trainer.network();
        assertTrue(
                snap.metrics().motion() > 0.1,
                "the norms should have moved: " + snap.metrics().motion());
        int kept = 0;
        for (int j = 0; j < now.width(); j++) {
            boolean sameSign = now.b(j) > 0 == start.b(j) > 0;
            kept += sameSign ? 1 : 0;
            // A norm that passed through zero points along −u_j: rotation π, never anything in between.
            assertEquals(sameSign ? 0.0 : Math.PI, snap.rotation(j), "neuron " + j);
            if (!sameSign) {
                continue;
            }
            // Independent check with the generic angle formula on the raw rows.
            double[] vNow = {now.v(j, 0), now.v(j, 1)};
            double[] vStart = {start.v(j, 0), start.v(j, 1)};
            assertTrue(Angles.angle(vNow, vStart, 0, 2) < 1e-7, "neuron " + j);
        }
        assertTrue(kept >= 30, "most norms keep their sign: " + kept);
    }

    @Test
    void freeTrainingDoesRotate() {
        Trainer trainer = new Trainer(quadrants(32, Regime.NEAR_INITIALIZATION, Optimizer.GRADIENT_FLOW));
        trainer.steps(500);
        assertTrue(trainer.snapshot(1).metrics().rotationMax() > 1e-3);
    }

    @Test
    void symmetricPairsStartAtZero() {
        NetworkSpec spec =
                NetworkSpec.defaults().withWidth(50).withSymmetricPairs(true).withOuterInit(OuterInit.GAUSSIAN);
        Network net = Network.initialize(spec, 5, false, new Rng(8));
        for (int j = 0; j < 25; j++) {
            assertEquals(-net.a(j), net.a(j + 25));
            for (int k = 0; k < 5; k++) {
                assertEquals(net.v(j, k), net.v(j + 25, k));
            }
        }
        Rng rng = new Rng(9);
        for (int t = 0; t < 100; t++) {
            double[] x = new double[5];
            double scaleOfTerms = 0;
            for (int k = 0; k < 5; k++) {
                x[k] = rng.nextGaussian() / 3;
            }
            for (int j = 0; j < 50; j++) {
                double h = 0;
                for (int k = 0; k < 5; k++) {
                    h += net.v(j, k) * x[k];
                }
                scaleOfTerms += Math.abs(net.a(j)) * Math.max(0, h);
            }
            // f ≡ 0 mathematically; in floating point the two halves cancel up to rounding of the sum.
            assertEquals(0.0, net.g(x), 1e-14 * scaleOfTerms);
        }
    }

    @Test
    void sgdWithFullBatchEqualsGradientDescent() {
        RunConfig gd = quadrants(16, Regime.NEAR_INITIALIZATION, Optimizer.GRADIENT_FLOW);
        RunConfig sgd = gd.withTraining(gd.training()
                .withOptimizer(Optimizer.SGD)
                .withBatchSize(gd.dataset().n()));
        Trainer a = new Trainer(gd);
        Trainer b = new Trainer(sgd);
        for (int step = 0; step < 100; step++) {
            assertEquals(a.step(), b.step(), 0.0, "risk at step " + step);
            assertArrayEquals(a.network().copyV(), b.network().copyV(), 0.0, "V at step " + step);
            assertArrayEquals(a.network().copyA(), b.network().copyA(), 0.0, "a at step " + step);
        }
        assertEquals(a.time(), b.time(), 0.0);
    }

    @Test
    void sameSeedsGiveBitIdenticalWeights() {
        for (Optimizer opt : Optimizer.values()) {
            RunConfig cfg = quadrants(24, Regime.NEAR_INITIALIZATION, opt);
            cfg = cfg.withTraining(cfg.training().withBatchSize(8));
            Trainer a = new Trainer(cfg);
            Trainer b = new Trainer(cfg);
            a.steps(1000);
            b.steps(1000);
            assertArrayEquals(a.network().copyV(), b.network().copyV(), 0.0, opt.name());
            assertArrayEquals(a.network().copyA(), b.network().copyA(), 0.0, opt.name());
            Trainer other = new Trainer(cfg.withSeeds(cfg.dataSeed(), cfg.initSeed() + 1));
            other.steps(1000);
            assertTrue(other.network().copyV()[0] != a.network().copyV()[0], "another init seed must differ");
        }
    }

    @Test
    void normalisedStepsAdvanceTimeByStepOverRisk() {
        Trainer trainer = new Trainer(quadrants(16, Regime.NEAR_INITIALIZATION, Optimizer.NORMALIZED_GRADIENT_FLOW));
        double expected = 0;
        for (int k = 0; k < 300; k++) {
            double risk = trainer.network().risk(trainer.data().train(), Loss.LOGISTIC);
            trainer.step();
            assertEquals(risk, trainer.lastRisk(), 1e-12 * risk);
            expected += 0.2 / risk;
        }
        assertEquals(expected, trainer.time(), 1e-9 * expected);
        assertEquals(Math.log(expected), trainer.logTime(), 1e-9);
        assertTrue(trainer.time() > 300 * 0.2 * 5, "late steps should be much larger than η: τ = " + trainer.time());
    }

    @Test
    void normalisedStepFollowsTheSameDirectionAsPlainStep() {
        // One normalised step of size η equals one plain step of size η/R(W) from the same weights.
        RunConfig plain = quadrants(8, Regime.NEAR_INITIALIZATION, Optimizer.GRADIENT_FLOW);
        Trainer probe = new Trainer(plain);
        double risk = probe.network().risk(probe.data().train(), Loss.LOGISTIC);
        Trainer a = new Trainer(plain.withTraining(plain.training().withStepSize(0.2 / risk)));
        Trainer b = new Trainer(plain.withTraining(plain.training().withOptimizer(Optimizer.NORMALIZED_GRADIENT_FLOW)));
        a.step();
        b.step();
        assertArrayEquals(a.network().copyV(), b.network().copyV(), 1e-13);
        assertEquals(a.time(), b.time(), 1e-12);
    }

    @Test
    void warmStepsAllocateNothingOrAFixedFewVectorBoxes() throws Exception {
        VectorEngine.require();
        // Each vector configuration in a JVM of its own, as a run is: which calls the JIT inlines depends on what it
        // compiled before, and in one JVM a d = 10 run after a d = 2 run found the d > 2 vector code compiled from a
        // profile where it was cold and allocated 290 bytes per (example, neuron) pair (a window switching between
        // such data sets can meet it too; see docs/performance.md). The scalar engine allocates nothing whatever ran
        // before: its configurations share one JVM.
        List<String> lines = new java.util.ArrayList<>(probe("SCALAR"));
        for (Optimizer opt : Optimizer.values()) {
            for (Regime regime : new Regime[] {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION}) {
                for (int d : new int[] {2, 10}) {
                    lines.addAll(probe("VECTOR", opt.name(), regime.name(), Integer.toString(d)));
                }
            }
        }
        assertEquals(2 * Optimizer.values().length * 2 * 2, lines.size(), lines.toString());
        for (String line : lines) {
            String[] f = line.split(" ");
            long at64 = Long.parseLong(f[4]);
            long at512 = Long.parseLong(f[5]);
            String where = f[0] + " " + f[1] + "/" + f[2] + ", d = " + f[3] + ": " + at64 + " and " + at512
                    + " bytes per step at m = 64 and 512";
            if (f[0].equals("SCALAR")) {
                assertTrue(at64 < 5 && at512 < 5, where);
            } else {
                // JDK 17's compiler keeps a vector that leaves a loop as an object: a few per pass, however wide
                // the network (8 times wider here must not mean more).
                assertTrue(at64 < 2048 && at512 <= at64 + 256, where);
            }
        }
    }

    /** Runs {@link AllocationProbe} with these arguments in a fresh JVM; its result lines. */
    private static List<String> probe(String... args) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(
                javaCommand,
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                "lowrot.core.train.AllocationProbe"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines;
        try (var out = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            lines = out.lines().filter(l -> l.matches("(SCALAR|VECTOR) .*")).toList();
        }
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the probe ended (a liveness bound)");
        assertEquals(0, p.exitValue(), String.join(" ", args));
        return lines;
    }
}
