package lowrot.io;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import lowrot.core.train.Metrics;

/**
 * metrics.csv: one row per recorded snapshot. A value that does not apply (or is not finite) is an
 * empty cell, never "NaN" or "Infinity".
 */
public final class MetricsCsv {
    private record Column(String name, ToDoubleFunction<Metrics> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("step", Metrics::step),
            new Column("time", Metrics::time),
            new Column("risk", Metrics::risk),
            new Column("train_error", Metrics::trainError),
            new Column("test_error", Metrics::testError),
            new Column("margin_frobenius", Metrics::marginFrobenius),
            new Column("margin_path", Metrics::marginPath),
            new Column("rotation_mean", Metrics::rotationMean),
            new Column("rotation_max", Metrics::rotationMax),
            new Column("motion_per_sqrt_m", Metrics::motionPerSqrtM),
            new Column("log_time", Metrics::logTime),
            new Column("log_risk", Metrics::logRisk),
            new Column("min_margin", Metrics::minMargin),
            new Column("worst_index", Metrics::worstIndex),
            new Column("rotation_median", Metrics::rotationMedian),
            new Column("rotation_weighted", Metrics::rotationWeighted),
            new Column("motion", Metrics::motion),
            new Column("weight_norm", Metrics::weightNorm),
            new Column("path_norm", Metrics::pathNorm),
            new Column("patterns_changed", Metrics::patternsChanged),
            new Column("feature_share", Metrics::featureShare),
            new Column("centre_alignment", Metrics::centreAlignment),
            new Column("optimal_alignment", Metrics::optimalAlignment),
            new Column("margin_displacement", Metrics::marginDisplacement),
            new Column("zero_neurons", Metrics::zeroNeurons),
            new Column("flipped_norms", Metrics::flippedNorms));

    private MetricsCsv() {}

    /** The header line (without newline). */
    public static String header() {
        return String.join(",", COLUMNS.stream().map(Column::name).toList());
    }

    /** One row (without newline). Angles are in radians. */
    public static String row(Metrics m) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            double v = COLUMNS.get(c).value().applyAsDouble(m);
            if (Double.isFinite(v)) {
                if (c == 0 || c == 13) {
                    sb.append((long) v);
                } else {
                    sb.append(String.format(Locale.ROOT, "%.17g", v));
                }
            }
        }
        return sb.toString();
    }

    /** The whole file. */
    public static String write(List<Metrics> rows) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (Metrics m : rows) {
            sb.append(row(m)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads back one row written by {@link #row} under the current header (an empty field is NaN): the
     * values are the same doubles, since 17 significant digits round-trip exactly.
     */
    public static Metrics parseRow(String row) {
        String[] fields = row.split(",", -1);
        if (fields.length != COLUMNS.size()) {
            throw new IllegalArgumentException(
                    "metrics row: expected " + COLUMNS.size() + " fields, got " + fields.length);
        }
        java.util.Map<String, String> byComponent = new java.util.HashMap<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            byComponent.put(camel(COLUMNS.get(c).name()), fields[c]);
        }
        var comps = Metrics.class.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            String f = byComponent.get(comps[i].getName());
            if (f == null) {
                throw new IllegalStateException("metrics column missing for " + comps[i].getName());
            }
            if (types[i] == long.class) {
                args[i] = Long.parseLong(f);
            } else if (types[i] == int.class) {
                args[i] = Integer.parseInt(f);
            } else {
                args[i] = f.isEmpty() ? Double.NaN : Double.parseDouble(f);
            }
        }
        try {
            return Metrics.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
