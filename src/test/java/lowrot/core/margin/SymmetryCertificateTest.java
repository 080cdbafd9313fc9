package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/**
 * The ways the certified global margin got tighter are sound: the symmetries found from the data (q averaged over
 * them, the search confined to one fundamental cone), antipodal points fixed together, and the matrix game's dual
 * weights — each checked against the exact maximum of an independent enumeration ({@link FaceEnumeration}) or
 * against the linear program's value.
 */
class SymmetryCertificateTest {
    /** Every point of the 2-sparse parity cube in d = 5: flips of x3…x5, x1 ↔ x2 and x3, x4, x5 interchangeable. */
    @Test
    void symmetriesOfTheParityCube() {
        PointSymmetry s = PointSymmetry.of(new MarginPoints(GlobalMarginCertificateTest.cube(5)));
        assertEquals("3 coordinate sign flips; x1,2 interchangeable; x3,4,5 interchangeable", s.description());
        // (x1, x2) = (+, +), (−, −), and the two mixed ones (x1 ↔ x2 maps one to the other); the rest all moves.
        assertEquals(3, s.orbits());
        assertEquals(3 + 1 + 2, s.cone().size());
        // A sample that misses points has, in general, none of them.
        Dataset sample = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(8).withN(1000), 1)
                .train();
        assertTrue(PointSymmetry.of(new MarginPoints(sample)).trivial());
    }

    /**
     * Points closed under a flip of x3 and the swap x1 ↔ x2: for random q, the cone search's bound for the averaged
     * weights is at least the enumerated maximum over the whole sphere and closes on it; averaging never raises the
     * maximum.
     */
    @Test
    void theConeSearchMeetsTheEnumeratedMaximumOfTheAveragedWeights() {
        Rng rng = Rng.stream(11, 1);
        for (int trial = 0; trial < 30; trial++) {
            Dataset data = symmetricSet(rng, 3);
            MarginPoints points = new MarginPoints(data);
            PointSymmetry s = PointSymmetry.of(points);
            assertTrue(!s.trivial(), "the flip and the swap are found");
            double[] q = new double[points.n];
            double total = 0;
            for (int i = 0; i < points.n; i++) {
                q[i] = rng.nextDouble();
                total += q[i];
            }
            for (int i = 0; i < points.n; i++) {
                q[i] /= total;
            }
            double[] averaged = s.symmetrize(q);
            double sum = 0;
            for (double w : averaged) {
                sum += w;
            }
            assertEquals(1.0, sum, 1e-12);
            double exact = FaceEnumeration.maxAbs(rows(points), coefficients(points, averaged));
            double before = FaceEnumeration.maxAbs(rows(points), coefficients(points, q));
            assertTrue(exact <= before + 1e-12, trial + ": averaging raised the maximum " + before + " → " + exact);
            PatternSearch search = new PatternSearch(points.xs, points.n, points.d);
            PatternSearch.Outcome cone = search.maximise(
                    coefficients(points, averaged), List.of(), 8, 1_000_000, 1e-10, s.cone(), ProgressMonitor.NONE);
            assertTrue(cone.upper() >= exact * (1 - 1e-12), trial + ": cone bound " + cone.upper() + " < " + exact);
            assertEquals(exact, cone.upper(), 1e-8 * exact, "trial " + trial);
            // The pricer proves its bound for the averaged weights and says so.
            SpherePricer pricer = new SpherePricer(points, 1_000_000, 1e-10, List.of(), false);
            Pricer.Priced priced = pricer.price(q, 8, List.of(), true, ProgressMonitor.NONE);
            assertArrayEquals(averaged, priced.certified());
            assertTrue(priced.max() >= exact * (1 - 1e-12), trial + ": priced " + priced.max() + " < " + exact);
        }
    }

    /** Sets with antipodal pairs (x, −x), fixed together by the search: the bound still holds and closes. */
    @Test
    void antipodalPairsKeepTheBoundSound() {
        Rng rng = Rng.stream(13, 1);
        for (int trial = 0; trial < 30; trial++) {
            int d = 3 + trial % 2;
            int pairs = 3 + trial % 2;
            double[][] x = new double[2 * pairs][d];
            double[] flat = new double[2 * pairs * d];
            double[] c = new double[2 * pairs];
            for (int p = 0; p < pairs; p++) {
                for (int k = 0; k < d; k++) {
                    x[2 * p][k] = rng.nextGaussian();
                    x[2 * p + 1][k] = -x[2 * p][k];
                }
                c[2 * p] = rng.nextGaussian();
                // Half the pairs share a sign (both in the same set of the search), half do not.
                c[2 * p + 1] =
                        (p % 2 == 0 ? Math.signum(c[2 * p]) : -Math.signum(c[2 * p])) * Math.abs(rng.nextGaussian());
            }
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(x[i], 0, flat, i * d, d);
            }
            double exact = FaceEnumeration.maxAbs(x, c);
            PatternSearch search = new PatternSearch(flat, x.length, d);
            PatternSearch.Outcome full = search.maximise(c, List.of(), 8, 1_000_000, 1e-10, ProgressMonitor.NONE);
            assertTrue(full.upper() >= exact * (1 - 1e-12), trial + ": upper " + full.upper() + " < exact " + exact);
            assertEquals(exact, full.upper(), 1e-8 * exact, "trial " + trial);
            PatternSearch.Outcome cut = search.maximise(c, List.of(), 8, 3, 1e-10, ProgressMonitor.NONE);
            assertTrue(cut.upper() >= exact * (1 - 1e-12), trial + ": cut upper " + cut.upper() + " < exact " + exact);
        }
    }

    /**
     * The game's weights are on the simplex, never better than the program's value (weak duality) and within the
     * game's gap of it; the same bits on a second run.
     */
    @Test
    void theMatrixGameApproachesTheProgramsValue() {
        Rng rng = Rng.stream(17, 1);
        for (int trial = 0; trial < 5; trial++) {
            int rows = 15 + trial;
            int cols = 25;
            double[] f = new double[rows * cols];
            for (int i = 0; i < f.length; i++) {
                f[i] = rng.nextGaussian() / 3;
            }
            double t = MarginLp.solve(f, rows, cols).t();
            double[] q = MatrixGame.solve(f, rows, cols, 20_000);
            double sum = 0;
            for (double w : q) {
                assertTrue(w >= 0);
                sum += w;
            }
            assertEquals(1.0, sum, 1e-12);
            double value = MarginLp.dualValue(f, rows, cols, q);
            assertTrue(value >= t - 1e-9, trial + ": game value " + value + " below the program's " + t);
            assertTrue(value <= t + 2e-3, trial + ": game value " + value + " far above the program's " + t);
            assertArrayEquals(q, MatrixGame.solve(f, rows, cols, 20_000));
        }
    }

    /** The paper's running example at d = 6 (n = 1000 sample 64 distinct points, the whole cube): certified. */
    @Test
    void parityInSixDimensionsIsCertifiedToTheFourthDigit() {
        Dataset data = Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(6).withN(1000), 1)
                .train();
        GlobalMarginResult r =
                GlobalMarginSolver.solve(data, GlobalMarginSolver.Options.defaults(), ProgressMonitor.NONE);
        assertTrue(r.upperCertified(), r.toString());
        assertTrue(r.upper() - r.lower() <= 1e-4 * r.upper(), r.toString());
        assertEquals(1 / (2 * Math.sqrt(12)), r.lower(), 1e-9, "the four-neuron network ±(e₁ ± e₂)/√2 is optimal");
    }

    /**
     * Three random labelled points in d = 3 with all their images under the flip of x3 and the swap x1 ↔ x2 (12
     * points): a set whose symmetries include those two.
     */
    private static Dataset symmetricSet(Rng rng, int base) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int b = 0; b < base; b++) {
            double[] p = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            // Into the unit ball, with norms that differ.
            double norm = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            for (int k = 0; k < 3; k++) {
                p[k] /= norm + 0.5;
            }
            double y = b % 2 == 0 ? 1 : -1;
            for (int flip = 0; flip < 2; flip++) {
                for (int swap = 0; swap < 2; swap++) {
                    double[] v = swap == 0 ? new double[] {p[0], p[1], p[2]} : new double[] {p[1], p[0], p[2]};
                    if (flip == 1) {
                        v[2] = -v[2];
                    }
                    xs.add(v);
                    ys.add(y);
                }
            }
        }
        double[] y = new double[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        return Dataset.fromPoints(xs.toArray(new double[0][]), y);
    }

    private static double[][] rows(MarginPoints p) {
        double[][] x = new double[p.n][p.d];
        for (int i = 0; i < p.n; i++) {
            System.arraycopy(p.xs, i * p.d, x[i], 0, p.d);
        }
        return x;
    }

    private static double[] coefficients(MarginPoints p, double[] q) {
        double[] c = new double[p.n];
        for (int i = 0; i < p.n; i++) {
            c[i] = q[i] * p.ys[i];
        }
        return c;
    }
}
