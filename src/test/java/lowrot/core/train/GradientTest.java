package lowrot.core.train;

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

/** Every analytic gradient against central finite differences of R computed by {@link Network#risk}. */
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
        Network net = trainer.liveNetwork();
        Dataset train = trainer.data().train();
        int m = net.width();
        int d = net.dim();
        double[] ga = new double[m];
        double[] gInner = new double[regime.frozenDirections() ? m : m * d];
        trainer.riskGradient(ga, gInner);

        double[] fdA = new double[m];
        for (int j = 0; j < m; j++) {
            fdA[j] = centralDifference(net, train, loss, net.aData(), j, false);
        }
        double[] fdInner = new double[gInner.length];
        for (int q = 0; q < gInner.length; q++) {
            fdInner[q] = regime.frozenDirections()
                    ? centralDifference(net, train, loss, net.bData(), q, true)
                    : centralDifference(net, train, loss, net.vData(), q, false);
        }
        assertClose(fdA, ga, "∂R/∂a");
        assertClose(fdInner, gInner, regime.frozenDirections() ? "∂R/∂b" : "∂R/∂v");
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
