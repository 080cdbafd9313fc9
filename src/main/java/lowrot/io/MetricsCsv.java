package lowrot.io;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import lowrot.core.Metrics;

/**
 * metrics.csv: one row per recorded snapshot. A value that does not apply (or is not finite) is an
 * empty cell, never "NaN" or "Infinity".
 */
public final class MetricsCsv {
    private record Column(String name, ToDoubleFunction<Metrics> value) {
    }

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
            new Column("group_alignment", Metrics::groupAlignment),
            new Column("margin_displacement", Metrics::marginDisplacement));

    private MetricsCsv() {
    }

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
}
