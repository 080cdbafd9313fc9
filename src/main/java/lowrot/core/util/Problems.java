package lowrot.core.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems, each naming the field by its dotted config path, the value and
 * the allowed range, so every front end (GUI field, config file, command line) reports the same
 * words.
 */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    /** Checks lo ≤ value ≤ hi and that value is finite. */
    public Problems range(String field, double value, double lo, double hi) {
        if (!Double.isFinite(value) || value < lo || value > hi) {
            messages.add(
                    field + " = " + format(value) + " is out of range: allowed " + format(lo) + " to " + format(hi));
        }
        return this;
    }

    /** Checks lo ≤ value ≤ hi for an integer field. */
    public Problems range(String field, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            messages.add(field + " = " + value + " is out of range: allowed " + lo + " to " + hi);
        }
        return this;
    }

    /** Checks lo &lt; value ≤ hi (an open lower end, for step sizes and scales). */
    public Problems rangeAbove(String field, double value, double lo, double hi) {
        if (!Double.isFinite(value) || value <= lo || value > hi) {
            messages.add(field + " = " + format(value) + " is out of range: allowed more than " + format(lo)
                    + " and at most " + format(hi));
        }
        return this;
    }

    /** Checks lo ≤ value &lt; hi (an open upper end). */
    public Problems rangeBelow(String field, double value, double lo, double hi) {
        if (!Double.isFinite(value) || value < lo || value >= hi) {
            messages.add(field + " = " + format(value) + " is out of range: allowed at least " + format(lo)
                    + " and less than " + format(hi));
        }
        return this;
    }

    /** Records a problem when {@code ok} is false. */
    public Problems require(boolean ok, String message) {
        if (!ok) {
            messages.add(message);
        }
        return this;
    }

    /** Adds every problem of another collector. */
    public Problems addAll(Problems other) {
        messages.addAll(other.messages);
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The problems found so far, in the order found. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", messages));
        }
    }

    /** A number as a user would type it: integers without ".0", others in shortest form. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
