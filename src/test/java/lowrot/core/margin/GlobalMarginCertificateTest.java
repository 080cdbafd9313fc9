package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.model.Network;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Trainer;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The global margin's bounds are certificates: no explicit network beats the upper bound, the lower bound
 * is at least the margin of a network written down by hand, and on the full cube in d = 3, 4 both meet
 * the value that an independent exact enumeration ({@link FaceEnumeration}) proves.
 */
class GlobalMarginCertificateTest {
    /** A node cap that keeps the suite quick; the upper bound stays sound at any cap, only looser. */
    private static final GlobalMarginSolver.Options OPTIONS =
            GlobalMarginSolver.Options.defaults().withMaxNodes(3000);

    /** Every point of {±1/√d}^d with y = sign(x₁x₂): 2-sparse parity without sampling. */
    static Dataset cube(int d) {
        int n = 1 << d;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = ((i >> k & 1) == 1 ? 1 : -1) / Math.sqrt(d);
            }
            y[i] = Math.signum(x[i][0] * x[i][1]);
        }
        return Dataset.fromPoints(x, y);
    }

    /**
     * The four neurons ±(e₁ ± e₂)/√2 with outer weights ±¼ (the label of their quadrant): path norm 1.
     * On a parity point exactly one neuron is active, with u·x = √2/√d, so every margin is √2/(4√d).
     */
    static Network handNetwork(int d) {
        double r = Math.sqrt(0.5);
        double[] v = new double[4 * d];
        double[] a = new double[4];
        int j = 0;
        for (int s1 = -1; s1 <= 1; s1 += 2) {
            for (int s2 = -1; s2 <= 1; s2 += 2) {
                v[j * d] = s1 * r;
                v[j * d + 1] = s2 * r;
                a[j++] = s1 * s2 * 0.25;
            }
        }
        return Network.of(a, v, d, 1);
    }

    @Test
    void handNetworkHasTheHandComputedMargin() {
        for (int d : new int[] {2, 5, 9}) {
            Network hand = handNetwork(d);
            assertEquals(1.0, hand.pathNorm(), 1e-15);
            assertEquals(Math.sqrt(2) / (4 * Math.sqrt(d)), hand.minMarginOfG(cube(d)), 1e-15);
        }
    }

    /** The branch and bound's upper bound is never below the exact maximum; closed, it meets it. */
    @Test
    void patternSearchBoundsTheEnumeratedMaximum() {
        Rng rng = Rng.stream(7, 1);
        for (int trial = 0; trial < 40; trial++) {
            int d = 3 + trial % 2;
            int n = 5 + trial % 4;
            double[][] x = new double[n][d];
            double[] flat = new double[n * d];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    x[i][k] = rng.nextGaussian();
                    flat[i * d + k] = x[i][k];
                }
                c[i] = rng.nextGaussian();
            }
            double exact = FaceEnumeration.maxAbs(x, c);
            PatternSearch search = new PatternSearch(flat, n, d);
            PatternSearch.Outcome full = search.maximise(c, List.of(), 8, 1_000_000, 1e-10, ProgressMonitor.NONE);
            assertTrue(full.upper() >= exact * (1 - 1e-12), trial + ": upper " + full.upper() + " < exact " + exact);
            assertTrue(full.best() <= exact * (1 + 1e-12), trial + ": found " + full.best() + " > exact " + exact);
            assertTrue(full.closed(), trial + ": not closed");
            assertEquals(exact, full.upper(), 1e-8 * exact, "trial " + trial);
            // Cut off after a few nodes: looser, never unsound.
            PatternSearch.Outcome cut = search.maximise(c, List.of(), 8, 3, 1e-10, ProgressMonitor.NONE);
            assertTrue(cut.upper() >= exact * (1 - 1e-12), trial + ": cut upper " + cut.upper() + " < exact " + exact);
        }
    }

    /**
     * On the full cube in d = 3 and 4, uniform q is a dual certificate: the enumerated max_u |h_q(u)|
     * equals the hand network's margin, so γ_gl = √2/(4√d) exactly, and the solver must find it.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void fullCubeMeetsTheEnumeratedValue(int d) {
        Dataset data = cube(d);
        double[][] x = new double[data.n()][];
        double[] c = new double[data.n()];
        for (int i = 0; i < data.n(); i++) {
            x[i] = data.point(i);
            c[i] = data.y(i) / data.n();
        }
        double gamma = handNetwork(d).minMarginOfG(data);
        assertEquals(gamma, FaceEnumeration.maxAbs(x, c), 1e-12, "uniform q certifies the hand network");
        GlobalMarginResult r = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        assertTrue(r.upperCertified() && r.converged(), r.toString());
        assertEquals(gamma, r.lower(), 1e-6, r.toString());
        assertEquals(gamma, r.upper(), 1e-6, r.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 6, 8})
    void parityBoundsHoldTheHandNetwork(int d) {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(300), 3)
                .train();
        double hand = handNetwork(d).minMarginOfG(data);
        GlobalMarginResult r = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
        assertEquals(r.lower(), r.network().minMarginOfG(data), 1e-12, "the lower bound is the network's margin");
        assertEquals(1.0, r.network().pathNorm(), 1e-12);
        assertTrue(r.lower() >= hand - 1e-9, d + ": lower " + r.lower() + " below the hand network's " + hand);
        assertTrue(r.upperCertified(), d + ": " + r);
        assertTrue(r.upper() >= hand - 1e-12, d + ": upper " + r.upper() + " below the hand network's " + hand);
        assertTrue(r.upper() >= r.lower() - 1e-12, r.toString());
    }

    /** Random data: no random network of path norm 1, nor a trained one, has a margin above the upper bound. */
    @Test
    void noExplicitNetworkBeatsTheUpperBound() {
        for (int d : new int[] {3, 5}) {
            Rng rng = Rng.stream(11, d);
            int n = 30;
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double norm = 0;
                for (int k = 0; k < d; k++) {
                    x[i][k] = rng.nextGaussian();
                    norm += x[i][k] * x[i][k];
                }
                for (int k = 0; k < d; k++) {
                    x[i][k] /= Math.sqrt(norm);
                }
                y[i] = i % 2 == 0 ? 1 : -1;
            }
            Dataset data = Dataset.fromPoints(x, y);
            GlobalMarginResult r = GlobalMarginSolver.solve(data, OPTIONS, ProgressMonitor.NONE);
            assertTrue(r.upperCertified(), r.toString());
            double best = Double.NEGATIVE_INFINITY;
            for (int trial = 0; trial < 2000; trial++) {
                int m = 1 + trial % 12;
                double[] a = new double[m];
                double[] v = new double[m * d];
                for (int j = 0; j < m; j++) {
                    a[j] = rng.nextGaussian();
                    for (int k = 0; k < d; k++) {
                        v[j * d + k] = rng.nextGaussian();
                    }
                }
                Network net = Network.of(a, v, d, 1);
                best = Math.max(best, net.minMarginOfG(data) / net.pathNorm());
            }
            assertTrue(best <= r.upper() + 1e-12, d + ": a random network reaches " + best + " > " + r.upper());
            // A trained network, both layers, long enough to separate the points.
            RunConfig config = RunConfig.defaults()
                    .withDataset(DataSpec.defaults(DatasetKind.PARITY).withD(d));
            Trainer trainer = new Trainer(config, new DataSplit(data, data));
            for (int s = 0; s < 3000; s++) {
                trainer.step();
            }
            Network trained = trainer.snapshot(1).network();
            double margin = trained.minMarginOfG(data) / trained.pathNorm();
            assertTrue(margin <= r.upper() + 1e-12, d + ": trained network reaches " + margin + " > " + r.upper());
        }
    }

    /** A trained network's neurons may seed the search; the bounds stay certified and hold the hand network. */
    @Test
    void seedDirectionsKeepTheBoundsCertified() {
        int d = 5;
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(200), 4)
                .train();
        double hand = handNetwork(d).minMarginOfG(data);
        GlobalMarginResult r =
                GlobalMarginSolver.solve(data, OPTIONS, handNetwork(d).copyV(), ProgressMonitor.NONE);
        assertTrue(r.upperCertified() && r.upper() >= hand - 1e-12 && r.lower() >= hand - 1e-9, r.toString());
        assertThrows(
                IllegalArgumentException.class,
                () -> GlobalMarginSolver.solve(data, OPTIONS, new double[7], ProgressMonitor.NONE));
    }

    /** A solve cut off after one round still tries for a certificate in that round: a proven, looser upper bound. */
    @Test
    void aSolveCutShortStillCertifiesItsUpperBound() {
        int d = 4;
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(200), 5)
                .train();
        GlobalMarginResult r = GlobalMarginSolver.solve(data, OPTIONS.withMaxRounds(1), ProgressMonitor.NONE);
        assertEquals(1, r.rounds());
        assertTrue(r.upperCertified(), r.toString());
        assertTrue(r.upper() >= handNetwork(d).minMarginOfG(data) - 1e-12, r.toString());
    }
}
