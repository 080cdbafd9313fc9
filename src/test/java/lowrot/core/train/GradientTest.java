package lowrot.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.InnerScale;
import lowrot.core.model.Loss;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.OuterInit;
import lowrot.core.model.OutputScale;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step the trainer takes (full-batch, fixed η) against central finite differences of R computed by {@link
 * Network#risk}: (W − W')/η must be ∇R(W), for every loss, both regimes, the plane's kernels and the general ones.
 */
class GradientTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Loss loss : Loss.values()) {
            for (boolean outer : new boolean[] {false, true}) {
                for (Regime regime : new Regime[] {Regime.NEAR_INITIALIZATION, Regime.NO_ROTATION}) {
                    for (int d : new int[] {2, 3}) {
                        b.add(Arguments.of(loss, outer, regime, d));
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}, outer trainable {1}, {2}, d = {3}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Loss loss, boolean outerTrainable, Regime regime, int dim) {
        // d = 2 runs the plane's own kernel, d = 3 the general one.
        RunConfig config = new RunConfig(
                DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE)
                        .withD(dim)
                        .withGroups(3)
                        .withN(24)
                        .withSpread(0.5),
                new NetworkSpec(7, OutputScale.INV_SQRT_M, OuterInit.GAUSSIAN, InnerScale.ONE, 1.0, false),
                new TrainSpec(regime, loss, Optimizer.GRADIENT_FLOW, 0.3, 1, outerTrainable),
                4,
                9);
        Trainer trainer = new Trainer(config);
        trainer.steps(5); // away from initialization, so a_j ≠ ±1 and the weights are generic
        Network before = trainer.network();
        Dataset train = trainer.data().train();
        double eta = trainer.stepSize();
        trainer.step(); // the step under test: W ← W − η ∇R(W), as every run takes it
        Network after = trainer.network();
        boolean frozen = regime.frozenDirections();
        double[] stepA = gradientOfStep(before.aData(), after.aData(), eta);
        double[] stepInner = frozen
                ? gradientOfStep(before.bData(), after.bData(), eta)
                : gradientOfStep(before.vData(), after.vData(), eta);

        int m = before.width();
        double[] fdInner = new double[stepInner.length];
        for (int q = 0; q < fdInner.length; q++) {
            fdInner[q] = frozen
                    ? centralDifference(before, train, loss, before.bData(), q, true)
                    : centralDifference(before, train, loss, before.vData(), q, false);
        }
        assertClose(fdInner, stepInner, frozen ? "∂R/∂b" : "∂R/∂v");
        if (outerTrainable) {
            double[] fdA = new double[m];
            for (int j = 0; j < m; j++) {
                fdA[j] = centralDifference(before, train, loss, before.aData(), j, false);
            }
            assertClose(fdA, stepA, "∂R/∂a");
        } else {
            assertArrayEquals(new double[m], stepA, "a frozen outer layer does not move");
        }
    }

    /** (before − after)/η: the gradient the step followed. */
    private static double[] gradientOfStep(double[] before, double[] after, double eta) {
        double[] g = new double[before.length];
        for (int q = 0; q < g.length; q++) {
            g[q] = (before[q] - after[q]) / eta;
        }
        return g;
    }

    private static double centralDifference(
            Network net, Dataset data, Loss loss, double[] params, int q, boolean norms) {
        double saved = params[q];
        double h = 1e-6 * Math.max(1, Math.abs(saved));
        params[q] = saved + h;
        if (norms) {
            net.syncInnerFromNorms();
        }
        double up = net.risk(data, loss);
        params[q] = saved - h;
        if (norms) {
            net.syncInnerFromNorms();
        }
        double down = net.risk(data, loss);
        params[q] = saved;
        if (norms) {
            net.syncInnerFromNorms();
        }
        return (up - down) / (2 * h);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (expected[i] - actual[i]) * (expected[i] - actual[i]);
            norm += expected[i] * expected[i];
        }
        double rel = Math.sqrt(diff) / Math.sqrt(norm);
        assertTrue(norm > 0, what + " is zero: the check would be empty");
        assertTrue(rel < 1e-6, what + ": relative error " + rel);
    }
}
