package lowrot.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lowrot.core.train.Metrics;

/**
 * Why near initialization is called lazy: how much each neuron moves at a fixed GF time as the width m grows. In
 * the kernel regime (standard 1/√m scaling) every neuron's change is O(1/√m), so the rotation, the motion per
 * √m and the share of flipped activation patterns all fall like m^−½. Fits are least squares on log–log axes
 * over the per-width means of a {@link WidthSweep}, with their 95 % t interval.
 */
public final class Laziness {
    /** The exponent the kernel regime predicts for every {@link Measure}. */
    public static final double PREDICTED = -0.5;

    /** What is measured against the width. */
    public enum Measure {
        ROTATION_MEAN("mean rotation", "°"),
        ROTATION_MAX("max rotation", "°"),
        MOTION_PER_SQRT_M("motion ‖W − W₀‖/√m", "parameter norm"),
        PATTERN_FLIPS("pattern flips", "share of (point, neuron) pairs");

        private final String label;
        private final String unit;

        Measure(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        /** The value of this measure in a run's metrics (angles in degrees). */
        public double of(Metrics m) {
            return switch (this) {
                case ROTATION_MEAN -> Math.toDegrees(m.rotationMean());
                case ROTATION_MAX -> Math.toDegrees(m.rotationMax());
                case MOTION_PER_SQRT_M -> m.motionPerSqrtM();
                case PATTERN_FLIPS -> m.patternsChanged();
            };
        }
    }

    /** A fitted exponent over the widths whose mean is positive. */
    public record Exponent(Measure measure, Fits.PowerLaw fit) {
        /** How the fit compares with m^−½. */
        public String verdict() {
            if (fit.lower95() <= PREDICTED && PREDICTED <= fit.upper95()) {
                return "agrees with the kernel regime's m^−½";
            }
            return fit.upper95() < PREDICTED ? "falls faster than m^−½" : "falls slower than m^−½";
        }

        /** One line: the measure, its exponent with interval, and the verdict. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%-20s ∝ m^%.2f (95 %% CI %.2f to %.2f over %d widths) — %s",
                    measure.label(),
                    fit.slope(),
                    fit.lower95(),
                    fit.upper95(),
                    fit.n(),
                    verdict());
        }
    }

    private Laziness() {}

    /** The exponent of one measure, or null when fewer than 3 widths have a positive mean. */
    public static Exponent exponent(List<WidthSweep.Point> points, Measure measure) {
        List<double[]> xy = new ArrayList<>();
        for (WidthSweep.Summary s : WidthSweep.summarise(points, measure::of)) {
            if (s.mean() > 0) {
                xy.add(new double[] {s.width(), s.mean()});
            }
        }
        if (xy.size() < 3) {
            return null;
        }
        return new Exponent(
                measure,
                Fits.powerLaw(
                        xy.stream().mapToDouble(p -> p[0]).toArray(),
                        xy.stream().mapToDouble(p -> p[1]).toArray()));
    }

    /** Every measure's line (or why it has no exponent). */
    public static List<String> report(List<WidthSweep.Point> points) {
        List<String> out = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Exponent e = exponent(points, m);
            out.add(
                    e != null
                            ? e.line()
                            : String.format(
                                    Locale.ROOT,
                                    "%-20s fewer than 3 widths with a positive mean — no exponent",
                                    m.label()));
        }
        return out;
    }
}
