package lowrot.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the numbers typed in an experiment's fields. A problem is an {@link IllegalArgumentException} whose
 * message names the field by its label and gives the allowed range.
 */
final class NumberFields {
    private NumberFields() {}

    /** Comma-separated whole numbers, each in [min, max]; empty text gives an empty array. */
    static int[] integers(String text, String field, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        field + ": \"" + t + "\" is not a whole number; allowed " + min + " to " + max);
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(
                        field + ": " + v + " is outside the allowed range, " + min + " to " + max);
            }
            out.add(v);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Exactly one whole number in [min, max]. */
    static int integer(String text, String field, int min, int max) {
        int[] v = integers(text, field, min, max);
        if (v.length != 1) {
            throw new IllegalArgumentException(field + ": one whole number is needed, " + min + " to " + max);
        }
        return v[0];
    }

    /** One number strictly between low and high. */
    static double between(String text, String field, double low, double high) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + ": \"" + text.trim() + "\" is not a number; allowed between " + low + " and " + high);
        }
        if (!(v > low && v < high)) {
            throw new IllegalArgumentException(
                    field + ": " + v + " is outside the allowed range, between " + low + " and " + high);
        }
        return v;
    }
}
