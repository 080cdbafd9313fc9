package lowrot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Log-axis tick labels: decades as 10ⁿ, other ticks as short plain numbers, never "3.2E1". */
class LogTickFormatTest {
    @Test
    void decadesAreWrittenAsPowersOfTenAndTheRestPlainly() {
        assertEquals("1", LogTickFormat.label(1));
        assertEquals("10", LogTickFormat.label(10));
        assertEquals("10²", LogTickFormat.label(100));
        assertEquals("10⁴", LogTickFormat.label(1e4));
        assertEquals("10⁻³", LogTickFormat.label(1e-3));
        assertEquals("10⁻¹²", LogTickFormat.label(1e-12));
        assertEquals("32", LogTickFormat.label(31.6227766));
        assertEquals("0.63", LogTickFormat.label(0.630957));
        assertEquals("2.5", LogTickFormat.label(2.51188643));
        assertEquals("0.5", LogTickFormat.label(0.5));
        assertEquals("630", LogTickFormat.label(630.957));
        assertEquals("2.5e−5", LogTickFormat.label(2.51188643e-5));
        assertEquals("3.2e6", LogTickFormat.label(3.16227766e6));
    }

    @Test
    void aNarrowRangeGetsTheDigitsItsTicksNeed() {
        assertEquals(2, LogTickFormat.digits(1e-3, 1e3));
        assertEquals(2, LogTickFormat.digits(0.5, 700));
        // 0.69 to 0.79: neighbouring ticks about 1.4 % apart need three digits.
        assertEquals(3, LogTickFormat.digits(0.69, 0.79));
        assertEquals(4, LogTickFormat.digits(0.7, 0.71));
        java.util.Set<String> labels = new java.util.HashSet<>();
        double lower = 0.69;
        double upper = 0.79;
        int digits = LogTickFormat.digits(lower, upper);
        for (int k = 0; k <= 10; k++) {
            labels.add(LogTickFormat.label(lower * Math.pow(upper / lower, k / 10.0), digits));
        }
        assertEquals(11, labels.size(), "every tick reads differently: " + labels);
    }
}
