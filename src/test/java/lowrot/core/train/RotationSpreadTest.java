package lowrot.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rotation-per-neuron histogram against hand-counted bins. */
class RotationSpreadTest {
    private static Snapshot snapshot(double[] a, double[] v, double[] v0, boolean frozen) {
        double[] a0 = new double[a.length];
        java.util.Arrays.fill(a0, 1);
        return Snapshot.fromWeights(1, null, a, v, a0, v0, 2, 1, frozen);
    }

    /** (cos θ, sin θ) scaled by r. */
    private static double[] at(double degrees, double r) {
        double t = Math.toRadians(degrees);
        return new double[] {r * Math.cos(t), r * Math.sin(t)};
    }

    private static double[] rows(double[]... r) {
        double[] out = new double[2 * r.length];
        for (int j = 0; j < r.length; j++) {
            out[2 * j] = r[j][0];
            out[2 * j + 1] = r[j][1];
        }
        return out;
    }

    @Test
    void neuronsFallInTheBinsOfTheirRotation() {
        // Rotations 3°, 7°, 12° and 40° from e₁: the largest is 40°, so the range is [0, 50) in 2.5° bins —
        // bins 1, 2, 4 and 16. A fifth neuron with v = 0 has no direction and is left out.
        double[] v0 = rows(at(0, 1), at(0, 1), at(0, 1), at(0, 1), at(0, 1));
        double[] v = rows(at(3, 1), at(7, 2), at(12, 1), at(40, 1), new double[] {0, 0});
        double[] a = {1, -1, 2, 4, 1};
        RotationSpread s = RotationSpread.of(snapshot(a, v, v0, false));
        assertEquals(50, s.top());
        assertEquals(2.5, s.binWidth());
        assertEquals(4, s.counted());
        // Weights |a_j|‖v_j‖: 1, 2, 2, 4 — total 9.
        double[] neurons = new double[RotationSpread.BINS];
        double[] weight = new double[RotationSpread.BINS];
        neurons[1] = neurons[2] = neurons[4] = neurons[16] = 0.25;
        weight[1] = 1 / 9.0;
        weight[2] = 2 / 9.0;
        weight[4] = 2 / 9.0;
        weight[16] = 4 / 9.0;
        for (int i = 0; i < RotationSpread.BINS; i++) {
            assertEquals(neurons[i], s.neurons(i), 1e-15, "neuron share of bin " + i);
            assertEquals(weight[i], s.weight(i), 1e-15, "weight share of bin " + i);
        }
    }

    @Test
    void theRangeIsTheFirstRoundNumberAboveTheLargestRotation() {
        assertEquals(0.001, RotationSpread.top(0));
        assertEquals(0.5, RotationSpread.top(0.2));
        assertEquals(100, RotationSpread.top(90));
        assertEquals(180, RotationSpread.top(100));
        assertEquals(180, RotationSpread.top(180));
        assertEquals(RotationSpread.BINS - 1, RotationSpread.bin(180, 180), "180° itself is in the last bin");
    }

    @Test
    void withFrozenDirectionsEveryNeuronIsInTheFirstBinEvenWhenItsNormChangedSign() {
        double[] v0 = rows(at(10, 1), at(70, 1), at(200, 1));
        // The second neuron's norm b_j changed sign: its line did not turn.
        double[] v = rows(at(10, 3), at(250, 0.5), at(200, 2));
        RotationSpread s = RotationSpread.of(snapshot(new double[] {1, 1, 1}, v, v0, true));
        assertEquals(3, s.counted());
        assertEquals(1.0, s.neurons(0));
        assertEquals(1.0, s.weight(0), 1e-15);
        double sum = 0;
        for (int i = 0; i < RotationSpread.BINS; i++) {
            sum += s.neurons(i);
        }
        assertEquals(1.0, sum);
        assertTrue(s.top() <= 0.001);
    }
}
