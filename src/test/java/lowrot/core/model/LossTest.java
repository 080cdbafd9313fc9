package lowrot.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossTest {

    @Test
    void logisticKnownValues() {
        assertEquals(Math.log(2), Loss.LOGISTIC.value(0), 0);
        assertEquals(-0.5, Loss.LOGISTIC.derivative(0), 0);
        // ln(1 + e^{-40}) = e^{-40} − e^{-80}/2 + …; the naive formula returns 0 here.
        double e40 = Math.exp(-40);
        assertEquals(e40, Loss.LOGISTIC.value(40), 1e-15 * e40);
        // ln(1 + e^{1000}) = 1000 + ln(1 + e^{-1000}) = 1000 to double precision.
        assertEquals(1000.0, Loss.LOGISTIC.value(-1000), 0);
        assertEquals(-1.0, Loss.LOGISTIC.derivative(-1000), 0);
        assertEquals(-Math.exp(-800), Loss.LOGISTIC.derivative(800), 0);
    }

    @Test
    void logisticPrecisionNearZero() {
        // Taylor series: ln(1 + e^{-z}) = ln 2 − z/2 + z²/8 − z⁴/192 + …
        for (double z : new double[] {1e-12, -1e-12, 1e-6, -1e-6, 1e-3}) {
            double series = Math.log(2) - z / 2 + z * z / 8 - Math.pow(z, 4) / 192;
            assertEquals(series, Loss.LOGISTIC.value(z), 4e-16, "z = " + z);
            // ℓ'(z) = −1/2 + z/4 − z³/48 + …
            double dseries = -0.5 + z / 4 - z * z * z / 48;
            assertEquals(dseries, Loss.LOGISTIC.derivative(z), 4e-16, "z = " + z);
        }
    }

    @Test
    void stableOverWholeRange() {
        for (Loss loss : Loss.values()) {
            for (double z = -1e4; z <= 1e4; z += 0.37) {
                double lv = loss.logValue(z);
                double ld = loss.logNegDerivative(z);
                assertTrue(Double.isFinite(lv) && Double.isFinite(ld), loss + " at z = " + z);
                double der = loss.derivative(z);
                assertTrue(!Double.isNaN(der) && der <= 0, loss + " derivative at " + z);
                if (loss == Loss.LOGISTIC || z > -709) {
                    double val = loss.value(z);
                    assertTrue(Double.isFinite(val) && val >= 0, loss + " value at " + z);
                    assertTrue(
                            Double.isFinite(der) && der >= -Math.exp(Math.min(-z, 709)), loss + " derivative at " + z);
                    if (val > Double.MIN_NORMAL) {
                        assertEquals(Math.log(val), lv, 1e-12 * Math.max(1, Math.abs(lv)), loss + " log value at " + z);
                    }
                    if (-der > Double.MIN_NORMAL) {
                        assertEquals(
                                Math.log(-der),
                                ld,
                                1e-12 * Math.max(1, Math.abs(ld)),
                                loss + " log derivative at " + z);
                    }
                }
            }
        }
    }

    @Test
    void logValuesAtExtremes() {
        // ln ℓ for the logistic loss at z = 1e4 is −1e4 (ℓ ≈ e^{−z}); at z = −1e4, ln(1e4).
        assertEquals(-1e4, Loss.LOGISTIC.logValue(1e4), 0);
        assertEquals(Math.log(1e4), Loss.LOGISTIC.logValue(-1e4), 1e-15);
        assertEquals(-1e4, Loss.LOGISTIC.logNegDerivative(1e4), 0);
        assertEquals(0.0, Loss.LOGISTIC.logNegDerivative(-1e4), 0);
        assertEquals(1e4, Loss.EXPONENTIAL.logValue(-1e4), 0);
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            for (double z : new double[] {-30, -3, -0.5, 0.1, 2, 25}) {
                double h = 1e-6 * Math.max(1, Math.abs(z));
                double fd = (loss.value(z + h) - loss.value(z - h)) / (2 * h);
                assertEquals(fd, loss.derivative(z), 1e-7 * Math.max(1e-12, Math.abs(fd)) + 1e-12, loss + " at " + z);
            }
        }
    }
}
