package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lowrot.core.data.Dataset;
import lowrot.core.model.Network;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/**
 * The optimal network the global-margin solver returns, and the certificate of its upper bound, against closed forms
 * and against the certificate's own inequality.
 */
class OptimalNetworkTest {
    private static GlobalMarginResult solve(double[][] x, double[] y) {
        return GlobalMarginSolver.solve(
                Dataset.fromPoints(x, y),
                GlobalMarginSolver.Options.defaults().withTolerance(1e-9),
                ProgressMonitor.NONE);
    }

    /*
     * r = 2p orthonormal centres e_1 … e_r in d = r, labels alternating (+1 at odd a), one point at each centre.
     * The two label-sum neurons u± = Σ_{y_a = ±1} e_a/√p with outer weights ±½ have path norm 1 and margin
     * ½ · 1/√p on every point; the dual q uniform over the centres gives h(u) = (Σ_{+} σ(u_a) − Σ_{−} σ(u_a))/r,
     * whose maximum over unit u is √p/r = 1/(2√p) (Cauchy–Schwarz on the p positive coordinates). So
     * γ_gl = 1/(2√p), and the optimal network's atoms are the label sums, whose cosine to every centre is 1/√p.
     */
    @Test
    void orthonormalCentresWithAlternatingLabelsCollapseOntoTheLabelSums() {
        for (int p : new int[] {2, 3}) {
            int r = 2 * p;
            double[][] x = new double[r][r];
            double[] y = new double[r];
            for (int a = 0; a < r; a++) {
                x[a][a] = 1;
                y[a] = a % 2 == 0 ? 1 : -1;
            }
            GlobalMarginResult g = solve(x, y);
            double gamma = 1 / (2 * Math.sqrt(p));
            assertEquals(gamma, g.lower(), 1e-6 * gamma, g.toString());
            assertEquals(gamma, g.upper(), 1e-6 * gamma, g.toString());
            for (int sign : new int[] {1, -1}) {
                double[] sum = new double[r];
                for (int a = 0; a < r; a++) {
                    sum[a] = y[a] == sign ? 1 / Math.sqrt(p) : 0;
                }
                double weight = 0;
                double weightedCosine = 0;
                for (int k = 0; k < g.neurons(); k++) {
                    if (Math.signum(g.weight(k)) == sign) {
                        double cos = 0;
                        for (int a = 0; a < r; a++) {
                            cos += g.direction(k, a) * sum[a];
                        }
                        // The LP may keep a column of negligible weight (here ~1e−9) near an optimal one.
                        assertTrue(
                                Math.abs(g.weight(k)) < 1e-6 || cos >= 1 - 1e-9,
                                "p = " + p + ": atom " + k + " (weight " + g.weight(k) + ") has cosine " + cos + " to u"
                                        + sign);
                        weight += Math.abs(g.weight(k));
                        weightedCosine += Math.abs(g.weight(k)) * cos;
                    }
                }
                assertTrue(weightedCosine / weight >= 1 - 1e-9, "p = " + p + ": weighted cosine to u" + sign);
                assertEquals(0.5, weight, 1e-9, "the weight of the sign " + sign + " atoms");
                // The label sum is no centre: its cosine to the nearest is 1/√p.
                assertEquals(1 / Math.sqrt(p), sum[sign == 1 ? 0 : 1], 1e-15);
            }
        }
    }

    /*
     * r = 4 centres in the plane, 90° apart, antipodes sharing a label: (±1, 0) labelled +1, (0, ±1) labelled −1.
     * A neuron on a centre is active on it alone among the four (σ(e_1 · (−e_1)) = 0 and e_1 ⟂ e_2), so the four
     * neurons on the centres with weights ¼ · label have margin ¼ on every point; q uniform gives
     * h(u) = (σ(u_1) + σ(−u_1) − σ(u_2) − σ(−u_2))/4 = (|u_1| − |u_2|)/4, whose maximum on the circle is ¼.
     * γ_gl = ¼ and the optimal network's atoms are the centres.
     */
    @Test
    void fourCentresInThePlaneCollapseOntoTheCentres() {
        double[][] x = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        double[] y = {1, 1, -1, -1};
        GlobalMarginResult g = solve(x, y);
        assertEquals(0.25, g.lower(), 1e-9, g.toString());
        assertEquals(0.25, g.upper(), 1e-9, g.toString());
        for (int k = 0; k < g.neurons(); k++) {
            double best = 0;
            for (double[] c : x) {
                best = Math.max(best, g.direction(k, 0) * c[0] + g.direction(k, 1) * c[1]);
            }
            assertTrue(best >= 1 - 1e-9, "atom " + k + " lies on a centre: cosine " + best);
        }
    }

    /*
     * The certificate's inequality on random data: for q ≥ 0 with Σ q = 1 and any network of path norm 1,
     * min_i y_i g(x_i) ≤ Σ_i q_i y_i g(x_i) = Σ_j w_j h_q(u_j) ≤ max_u |h_q(u)|. The optimal network's margin is the
     * lower bound, and the pricing maximum is the upper bound.
     */
    @Test
    void theCertificateBoundsEveryNetworkAndTheOptimalOne() {
        Rng rng = Rng.stream(7, 1);
        for (int d : new int[] {2, 3}) {
            int n = 40;
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    x[i][k] = (rng.nextDouble() - 0.5) / Math.sqrt(d);
                }
                y[i] = x[i][0] * x[i][1] > 0 ? 1 : -1;
            }
            GlobalMarginResult g = solve(x, y);
            GlobalMarginResult.Certificate cert = g.certificate();
            assertNotNull(cert, g.toString());
            assertEquals(g.upper(), cert.pricingMax(), 0.0);
            double total = 0;
            for (double q : cert.q()) {
                assertTrue(q > 0);
                total += q;
            }
            assertEquals(1, total, 1e-9);
            // Σ_i q_i y_i g(x_i) for the optimal network, and h_q at each atom.
            double dual = 0;
            for (int t = 0; t < cert.q().length; t++) {
                double gx = 0;
                for (int k = 0; k < g.neurons(); k++) {
                    double dot = 0;
                    for (int c = 0; c < d; c++) {
                        dot += g.direction(k, c) * cert.points()[t * d + c];
                    }
                    gx += g.weight(k) * Math.max(dot, 0);
                }
                dual += cert.q()[t] * cert.labels()[t] * gx;
            }
            assertTrue(g.lower() <= dual + 1e-12 && dual <= cert.pricingMax() + 1e-12, g + ": dual value " + dual);
        }
    }

    /*
     * The alignment against the optimal network on the closed form (r = 6 orthonormal centres, points at the
     * centres): a network whose neurons sit on the label sums u± (weights ±½) scores 1; a network with one neuron on
     * each centre, weighted by its label (also margin > 0), scores only 1/√3, the label sum's cosine to a centre —
     * as does the optimal network measured against the centres. Neurons of the wrong sign are measured against the
     * atoms of their own sign: a neuron on u₋ with a > 0 scores cos(u₋, u₊) = 0.
     */
    @Test
    void alignmentAgainstTheOptimalNetworkIsOneOnItsAtomsAndNotOnTheCentres() {
        int p = 3;
        int r = 2 * p;
        double[][] x = new double[r][r];
        double[] y = new double[r];
        for (int a = 0; a < r; a++) {
            x[a][a] = 1;
            y[a] = a % 2 == 0 ? 1 : -1;
        }
        GlobalMarginResult g = solve(x, y);
        double[] plus = new double[r];
        double[] minus = new double[r];
        for (int a = 0; a < r; a++) {
            (y[a] > 0 ? plus : minus)[a] = 1 / Math.sqrt(p);
        }
        double[] sums = new double[2 * r];
        System.arraycopy(plus, 0, sums, 0, r);
        System.arraycopy(minus, 0, sums, r, r);
        Network onSums = Network.of(new double[] {0.5, -0.5}, sums, r, 1.0);
        assertEquals(1.0, g.atoms().alignment(onSums), 1e-9);

        double[] centres = new double[r * r];
        double[] labels = new double[r];
        for (int a = 0; a < r; a++) {
            centres[a * r + a] = 1;
            labels[a] = y[a] / r;
        }
        Network onCentres = Network.of(labels, centres, r, 1.0);
        assertEquals(1 / Math.sqrt(p), g.atoms().alignment(onCentres), 1e-9);

        Network wrongSign = Network.of(new double[] {1}, minus, r, 1.0);
        assertEquals(0.0, g.atoms().alignment(wrongSign), 1e-9);
        // The zero network of non-separable data has no atom to align with.
        GlobalMarginResult none = GlobalMarginSolver.solve(
                Dataset.fromPointsUnchecked(new double[][] {{0.3, 0.4}, {0.3, 0.4}}, new double[] {1, -1}),
                GlobalMarginSolver.Options.defaults(),
                ProgressMonitor.NONE);
        assertTrue(Double.isNaN(none.atoms().alignment(Network.of(new double[] {1}, new double[] {1, 0}, 2, 1.0))));
    }
}
