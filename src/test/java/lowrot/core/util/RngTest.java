package lowrot.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void sameSeedSameSequenceAndStreamsDiffer() {
        Rng first = Rng.stream(7, 1);
        Rng second = Rng.stream(7, 1);
        Rng other = Rng.stream(7, 2);
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            long x = first.nextLong();
            assertEquals(x, second.nextLong());
            differs |= x != other.nextLong();
        }
        assertTrue(differs);
        assertNotEquals(new Rng(1).nextLong(), new Rng(2).nextLong());
    }

    @Test
    void gaussianMoments() {
        Rng rng = new Rng(3);
        int count = 200_000;
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (int i = 0; i < count; i++) {
            double g = rng.nextGaussian();
            sum += g;
            sum2 += g * g;
            sum4 += g * g * g * g;
        }
        // Standard errors: mean 1/√N ≈ 0.0022, variance √2/√N ≈ 0.0032, fourth moment √96/√N ≈ 0.022.
        assertEquals(0, sum / count, 0.012);
        assertEquals(1, sum2 / count, 0.016);
        assertEquals(3, sum4 / count, 0.11);
    }

    @Test
    void uniformIntegersCoverRangeEvenly() {
        Rng rng = new Rng(5);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[rng.nextInt(7)]++;
        }
        for (int c : counts) {
            // Binomial(70000, 1/7): mean 10000, sd ≈ 92.6; allow 5 sd.
            assertEquals(10_000, c, 465);
        }
    }
}
