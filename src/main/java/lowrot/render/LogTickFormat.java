package lowrot.render;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels of log axes: a whole power of ten as 10ⁿ with a superscript exponent (1 and 10 as themselves), any
 * other tick in plain notation with two significant digits, or as many more as the axis's range needs for
 * neighbouring ticks to read differently (0.705, 0.712 on an axis from 0.69 to 0.73) — never "3.2E1".
 */
final class LogTickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private final transient org.jfree.chart.axis.ValueAxis axis;

    /** Labels for ticks of this axis (its range sets the digits). */
    LogTickFormat(org.jfree.chart.axis.ValueAxis axis) {
        this.axis = axis;
    }

    /**
     * Significant digits that tell apart ticks about a tenth of the range apart (in log scale) on an axis from
     * lower to upper: two, and one more for every factor of ten by which that relative step is below 10 %.
     */
    static int digits(double lower, double upper) {
        if (!(lower > 0) || !(upper > lower) || !Double.isFinite(upper)) {
            return 2;
        }
        double step = Math.pow(upper / lower, 0.1) - 1;
        return (int) Math.max(2, Math.min(6, 1 + Math.ceil(-Math.log10(step))));
    }

    private int digits() {
        return axis == null ? 2 : digits(axis.getLowerBound(), axis.getUpperBound());
    }

    @Override
    public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
        return out.append(label(number, digits()));
    }

    @Override
    public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
        return out.append(label(number, digits()));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return null;
    }

    /** The label of one tick value, two significant digits. */
    static String label(double v) {
        return label(v, 2);
    }

    /** The label of one tick value with this many significant digits (powers of ten as 10ⁿ). */
    static String label(double v, int digits) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double e = Math.log10(v);
        long k = Math.round(e);
        if (Math.abs(e - k) < 1e-9) {
            if (k == 0) {
                return "1";
            }
            if (k == 1) {
                return "10";
            }
            return "10" + superscript(k);
        }
        if (v >= 1e-4 && v < 1e5) {
            // Significant digits, plain: 630.96 → 630, 0.63096 → 0.63, 0.50 → 0.5 (two digits).
            java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(digits));
            d = d.stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v)
                .replace("e-0", "e−")
                .replace("e+0", "e")
                .replace("e-", "e−")
                .replace("e+", "e");
    }

    private static String superscript(long k) {
        StringBuilder b = new StringBuilder(k < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
            b.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }
}
