package lowrot.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The activity mask's layout, size and limit, by hand. */
class ActivityMaskTest {
    @Test
    void aRowHoldsOneWordPer64NeuronsAndOneOfPadding() {
        assertEquals(2, ActivityMask.words(1));
        assertEquals(2, ActivityMask.words(64));
        assertEquals(3, ActivityMask.words(65));
        assertEquals(65, ActivityMask.words(4096));
        // n = 1,024, m = 4,096: 1,024 rows of 65 longs.
        assertEquals(1024L * 65 * 8, ActivityMask.bytes(1024, 4096, 20));
        assertEquals(0, ActivityMask.bytes(1024, 4096, 2), "the plane keeps no mask");
    }

    @Test
    void noMaskPastTheLimit() {
        // 2^23 longs at most: 131,072 rows of 64 longs fit, one row more does not.
        int m = 63 * 64;
        assertEquals(64, ActivityMask.words(m));
        assertNotNull(ActivityMask.forPasses(131_072, m));
        assertNull(ActivityMask.forPasses(131_073, m));
        assertEquals(0, ActivityMask.bytes(131_073, m, 20));
        assertEquals(8L * 131_072 * 64, ActivityMask.bytes(131_072, m, 20));
    }

    @Test
    void theBitIsOneExactlyForPositiveH() {
        double[] h = {
            0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (double value : h) {
            assertEquals(value > 0 ? 1L : 0L, ActivityMask.bit(value), "h = " + value);
        }
    }

    @Test
    void aWindowReadsAcrossTwoWords() {
        int words = ActivityMask.words(100); // 3: neurons 0–63, 64–99, padding
        long[] active = new long[2 * words];
        // Row 1: neurons 60, 63, 64 and 70 active.
        active[words] = (1L << 60) | (1L << 63);
        active[words + 1] = 1L | (1L << 6);
        long window = ActivityMask.window(active, words, 1, 60);
        assertEquals((1L << 0) | (1L << 3) | (1L << 4) | (1L << 10), window);
        assertEquals(1L | (1L << 6), ActivityMask.window(active, words, 1, 64), "a window on a word boundary");
        assertEquals(0L, ActivityMask.window(active, words, 0, 40), "row 0 is empty");
        // The padding word keeps a window at the row's last neurons inside the row.
        assertEquals(0L, ActivityMask.window(active, words, 1, 71));
    }
}
