package lowrot.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

/** The learned plane finds the plane a network's weight lies in. */
class LearnedPlaneTest {
    /** Neurons ±(e₁ ± e₂)/√2 with weight, plus small noise in every coordinate: the plane is e₁–e₂. */
    @Test
    void parityNeuronsPlusNoiseGiveTheE1E2Plane() {
        int d = 10;
        Rng rng = Rng.stream(3, 4);
        int m = 200;
        double[] a = new double[m];
        double[] v = new double[m * d];
        for (int j = 0; j < m; j++) {
            a[j] = j % 2 == 0 ? 1 : -1;
            double s1 = (j / 2) % 2 == 0 ? 1 : -1;
            double s2 = (j / 4) % 2 == 0 ? 1 : -1;
            for (int k = 0; k < d; k++) {
                v[j * d + k] = 0.05 * rng.nextGaussian();
            }
            v[j * d] += s1 * Math.sqrt(0.5);
            v[j * d + 1] += s2 * Math.sqrt(0.5);
        }
        LearnedPlane p = LearnedPlane.of(Network.of(a, v, d, 1));
        assertTrue(p.overlap() > 0.99, "overlap " + p.overlap());
        assertTrue(p.share() > 0.9, "share " + p.share());
        double dot = 0;
        double n1 = 0;
        for (int k = 0; k < d; k++) {
            dot += p.first()[k] * p.second()[k];
            n1 += p.first()[k] * p.first()[k];
        }
        assertEquals(0, dot, 1e-12);
        assertEquals(1, n1, 1e-12);
    }

    /** Neurons in the e₃–e₄ plane only: overlap with e₁–e₂ is 0, and the plane captures all the weight. */
    @Test
    void aPlaneAwayFromE1E2HasNoOverlap() {
        int d = 5;
        double[] a = {1, 2, -1};
        double[] v = {0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0};
        LearnedPlane p = LearnedPlane.of(Network.of(a, v, d, 1));
        assertEquals(0, p.overlap(), 1e-12);
        assertEquals(1, p.share(), 1e-12);
        assertEquals(0, p.first()[4], 1e-12);
    }
}
