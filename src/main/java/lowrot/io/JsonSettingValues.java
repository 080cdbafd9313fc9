package lowrot.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values of a configuration file converted to the types of their {@link Setting}s, each mismatch a message that
 * names the field, what was expected and what was found.
 */
final class JsonSettingValues {
    private JsonSettingValues() {}

    /** Converts a JSON value to a setting's type, with a message naming the field on mismatch. */
    static Object value(Setting s, JsonElement e) throws ConfigException {
        String path = s.path();
        if (s.type() == Setting.Type.STRING) {
            if (e.isJsonNull()) {
                return null;
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return e.getAsString();
            }
            throw wrong(s, e);
        }
        if (s.type() == Setting.Type.INT_LIST) {
            if (!e.isJsonArray()) {
                throw wrong(s, e);
            }
            List<Integer> out = new ArrayList<>();
            for (JsonElement item : e.getAsJsonArray()) {
                out.add((Integer) integral(s, item, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            return out;
        }
        if (!e.isJsonPrimitive()) {
            throw wrong(s, e);
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return switch (s.type()) {
            case BOOLEAN -> {
                if (!p.isBoolean()) {
                    throw wrong(s, e);
                }
                yield p.getAsBoolean();
            }
            case ENUM -> {
                if (!p.isString()) {
                    throw wrong(s, e);
                }
                try {
                    yield s.enumValue(p.getAsString());
                } catch (NumberFormatException ex) {
                    throw new ConfigException(path + " = " + e + ": allowed " + String.join(", ", s.names()));
                }
            }
            case DOUBLE -> {
                if (!p.isNumber()) {
                    throw wrong(s, e);
                }
                double v = p.getAsBigDecimal().doubleValue();
                if (!Double.isFinite(v)) {
                    throw new ConfigException(path + " = " + e + ": too large for a number");
                }
                yield v;
            }
            case INT -> integral(s, e, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> integral(s, e, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> throw wrong(s, e);
        };
    }

    private static Object integral(Setting s, JsonElement e, long lo, long hi) throws ConfigException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(s, e);
        }
        BigDecimal v = e.getAsJsonPrimitive().getAsBigDecimal();
        try {
            long whole = v.longValueExact();
            if (whole < lo || whole > hi) {
                throw new ArithmeticException();
            }
            return s.type() == Setting.Type.LONG ? (Object) whole : (Object) (int) whole;
        } catch (ArithmeticException ex) {
            if (v.stripTrailingZeros().scale() > 0) {
                throw new ConfigException(
                        s.path() + " = " + ConfigJson.shorten(e.toString()) + ": expected a whole number");
            }
            throw new ConfigException(s.path() + " = " + ConfigJson.shorten(e.toString()) + ": out of range: allowed "
                    + lo + " to " + hi);
        }
    }

    private static ConfigException wrong(Setting s, JsonElement e) {
        return new ConfigException(s.path() + " = " + ConfigJson.shorten(String.valueOf(e)) + ": expected a "
                + s.type().label()
                + (s.type() == Setting.Type.ENUM ? " (one of " + String.join(", ", s.names()) + ")" : "")
                + ", found " + kindOf(e));
    }

    /** The points and labels of {@code dataset.points}: rows [x1, …, xd, y]. */
    record Points(double[][] x, double[] y) {}

    /** Reads {@code dataset.points}, with a message naming the row and column of anything that is not a number. */
    static Points points(JsonElement e) throws ConfigException {
        if (!e.isJsonArray()) {
            throw new ConfigException("dataset.points: expected a list of [x1, …, xd, y] rows, found " + kindOf(e));
        }
        JsonArray rows = e.getAsJsonArray();
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonElement row = rows.get(i);
            if (!row.isJsonArray() || row.getAsJsonArray().size() < 2) {
                throw new ConfigException("dataset.points[" + i + "]: expected [x1, …, xd, y], found "
                        + ConfigJson.shorten(String.valueOf(row)));
            }
            JsonArray r = row.getAsJsonArray();
            x[i] = new double[r.size() - 1];
            for (int k = 0; k < r.size(); k++) {
                JsonElement v = r.get(k);
                if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                    throw new ConfigException(
                            "dataset.points[" + i + "][" + k + "]: expected a number, found " + kindOf(v));
                }
                double d = v.getAsBigDecimal().doubleValue();
                if (k < r.size() - 1) {
                    x[i][k] = d;
                } else {
                    y[i] = d;
                }
            }
        }
        return new Points(x, y);
    }

    /** What a JSON value is, in a user's words, for messages. */
    static String kindOf(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "true/false";
        }
        if (p.isNumber()) {
            return "the number " + ConfigJson.shorten(p.toString());
        }
        return "the text " + ConfigJson.shorten(p.toString());
    }
}
