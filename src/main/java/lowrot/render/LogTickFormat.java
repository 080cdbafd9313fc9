package lowrot.render;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels of log axes: a whole power of ten as 10ⁿ with a superscript exponent (1 and 10 as themselves), any
 * other tick with two significant digits in plain notation (32, 0.63, 2.5e−5 only below 10⁻⁴) — never "3.2E1".
 */
final class LogTickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    @Override
    public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
        return out.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
        return out.append(label(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return null;
    }

    /** The label of one tick value. */
    static String label(double v) {
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
            // Two significant digits, plain: 630.96 → 630, 0.63096 → 0.63, 0.50 → 0.5.
            java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(2));
            d = d.stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return String.format(Locale.ROOT, "%.1e", v)
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
