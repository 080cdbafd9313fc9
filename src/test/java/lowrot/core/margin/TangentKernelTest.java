package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lowrot.core.data.DataSpec;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.model.Network;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Trainer;
import lowrot.core.util.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** The tangent kernel, its ℓ₂ margin and the displacement margin, against independent computations. */
class TangentKernelTest {
    private static Dataset quadrants(int n) {
        return Datasets.generate(DataSpec.defaults(DatasetKind.QUADRANTS).withN(n), 5)
                .train();
    }

    /** The Gram matrix equals inner products of gradients taken by central finite differences of f. */
    @Test
    void gramMatchesFiniteDifferenceGradients() {
        for (boolean noRotation : new boolean[] {false, true}) {
            Dataset data = Datasets.generate(
                            DataSpec.defaults(DatasetKind.PARITY).withD(3).withN(6), 2)
                    .train();
            RunConfig c = RunConfig.defaults()
                    .withNetwork(NetworkSpec.defaults().withWidth(5))
                    .withTraining(TrainSpec.defaults()
                            .withRegime(noRotation ? Regime.NO_ROTATION : Regime.NEAR_INITIALIZATION));
            Network net = Trainer.initialNetwork(c, data.d());
            int n = data.n();
            int m = net.width();
            int d = data.d();
            int params = m + (noRotation ? m : m * d);
            double[][] grad = new double[n][params];
            double eps = 1e-6;
            double[] a = net.copyA();
            double[] v = net.copyV();
            for (int p = 0; p < params; p++) {
                for (int i = 0; i < n; i++) {
                    double[] plus = perturbed(a, v, d, p, eps, noRotation);
                    double[] minus = perturbed(a, v, d, p, -eps, noRotation);
                    double fp = Network.of(
                                    java.util.Arrays.copyOf(plus, m),
                                    java.util.Arrays.copyOfRange(plus, m, plus.length),
                                    d,
                                    net.scale())
                            .f(data.point(i));
                    double fm = Network.of(
                                    java.util.Arrays.copyOf(minus, m),
                                    java.util.Arrays.copyOfRange(minus, m, minus.length),
                                    d,
                                    net.scale())
                            .f(data.point(i));
                    grad[i][p] = (fp - fm) / (2 * eps);
                }
            }
            double[] g = TangentKernel.gram(noRotation ? net.withFrozenDirections() : net, data, true);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int p = 0; p < params; p++) {
                        dot += grad[i][p] * grad[j][p];
                    }
                    assertEquals(data.y(i) * data.y(j) * dot, g[i * n + j], 1e-6, noRotation + " " + i + "," + j);
                }
            }
        }
    }

    /** (a, v) with parameter p moved by eps; without rotation parameters m … 2m − 1 are the norms b_j. */
    private static double[] perturbed(double[] a, double[] v, int d, int p, double eps, boolean noRotation) {
        int m = a.length;
        double[] out = new double[m + v.length];
        System.arraycopy(a, 0, out, 0, m);
        System.arraycopy(v, 0, out, m, v.length);
        if (p < m) {
            out[p] += eps;
        } else if (!noRotation) {
            out[p] += eps;
        } else {
            int j = p - m;
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += v[j * d + k] * v[j * d + k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                out[m + j * d + k] = v[j * d + k] * (norm + eps) / norm;
            }
        }
        return out;
    }

    /** G = I (n = 2): min over the simplex of ‖q‖ is 1/√2, at q = (½, ½). */
    @Test
    void marginOfTheIdentityIsOneOverRootTwo() {
        KernelMarginResult r = TangentKernel.margin(new double[] {1, 0, 0, 1}, 2, 1e-12, 10_000);
        assertEquals(Math.sqrt(0.5), r.lower(), 1e-9);
        assertEquals(Math.sqrt(0.5), r.upper(), 1e-9);
        KernelMarginResult early = TangentKernel.margin(new double[] {4, 0, 0, 1}, 2, 1e-12, 1);
        // f* = 4/5 (q = (1/5, 4/5)); one step still brackets it.
        assertTrue(
                early.lower() <= Math.sqrt(0.8) + 1e-12 && early.upper() >= Math.sqrt(0.8) - 1e-12, early.toString());
    }

    /** The empirical ceiling approaches the closed form as m grows, and γ_ntk lies below the closed form. */
    @Test
    void empiricalCeilingApproachesTheClosedForm() {
        Dataset data = quadrants(30);
        RunConfig base = RunConfig.defaults();
        double limit = TangentKernel.margin(
                        TangentKernel.closedFormGram(
                                base.withNetwork(base.network().withWidth(64)), data),
                        data.n(),
                        1e-8,
                        20_000)
                .value();
        double[] errors = new double[3];
        int t = 0;
        for (int m : new int[] {64, 1024, 16384}) {
            RunConfig c = base.withNetwork(base.network().withWidth(m));
            double empirical = TangentKernel.margin(
                            TangentKernel.gram(Trainer.initialNetwork(c, 2), data, true), data.n(), 1e-8, 20_000)
                    .value();
            errors[t++] = Math.abs(empirical / limit - 1);
        }
        // Sampling error shrinks like 1/√m: within 5 % at m = 16384, and smaller than at m = 64.
        assertTrue(errors[2] < 0.05 && errors[2] < errors[0], java.util.Arrays.toString(errors));
        NtkMarginResult ntk = NtkMarginSolver.solve(data, NtkMarginSolver.Options.defaults(), ProgressMonitor.NONE);
        assertTrue(ntk.lower() <= limit, "γ_ntk " + ntk.lower() + " above the ℓ₂ limit " + limit);
    }

    /** The displacement margin never exceeds the ceiling, and near initialization reaches the order of γ_ntk. */
    @Test
    void displacementMarginStaysBelowTheCeilingAndRises() {
        Dataset data = quadrants(40);
        RunConfig c = RunConfig.defaults()
                .withNetwork(NetworkSpec.defaults().withWidth(4096))
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(40));
        Trainer trainer = new Trainer(c, new DataSplit(data, data));
        KernelCeiling ceiling = KernelCeiling.compute(c, data, trainer.initialNetwork(), ProgressMonitor.NONE);
        assertTrue(Double.isNaN(trainer.snapshot(1).metrics().marginDisplacement()), "no displacement at τ = 0");
        double last = Double.NaN;
        for (int k = 0; k < 20; k++) {
            for (int s = 0; s < 100; s++) {
                trainer.step();
            }
            last = trainer.snapshot(1).metrics().marginDisplacement();
            assertTrue(last <= ceiling.empirical().upper() + 1e-12, last + " above " + ceiling.empirical());
        }
        NtkMarginResult ntk = NtkMarginSolver.solve(data, NtkMarginSolver.Options.defaults(), ProgressMonitor.NONE);
        assertTrue(last >= 0.25 * ntk.lower(), "displacement margin " + last + " vs γ_ntk " + ntk.lower());
    }
}
