package lowrot.app;

import java.util.List;
import java.util.Locale;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.NtkMarginResult;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;

/**
 * What a tour stop's sentences quote, read from the session at one moment: the first and the latest metric rows
 * of the run, its reference margins and its latest snapshot. Every number in a stop's text comes from here, in
 * one of the formats below, so a test can recompute each from the session and find it in the text.
 *
 * @param width  the run's width m
 * @param first  the run's first metric row (step 0), or null before it arrives
 * @param latest the latest metric row, or null
 * @param refs   the reference margins known now
 * @param latestSnapshot the latest snapshot, or null
 */
record TourReadings(int width, Metrics first, Metrics latest, ReferenceMargins refs, Snapshot latestSnapshot) {
    static TourReadings of(LabSession session) {
        List<Metrics> points = session.history().points();
        return new TourReadings(
                session.config().run().network().width(),
                points.isEmpty() ? null : points.get(0),
                points.isEmpty() ? null : points.get(points.size() - 1),
                session.refs() == null ? ReferenceMargins.NONE : session.refs(),
                session.latest());
    }

    boolean started() {
        return latest != null;
    }

    /** A margin, a cosine or a share: four significant digits, as the charts' legends print them. */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—";
    }

    /** An angle in degrees from radians: two decimals ("3.14°"). */
    static String degrees(double radians) {
        return Double.isFinite(radians) ? String.format(Locale.ROOT, "%.2f°", Math.toDegrees(radians)) : "—";
    }

    /** GF time τ as the status bar prints it: whole numbers with separators, else three significant digits. */
    static String time(double tau) {
        return tau >= 100 ? String.format(Locale.ROOT, "%,.0f", tau) : String.format(Locale.ROOT, "%.3g", tau);
    }

    /** A number as a field takes it: whole numbers without separators or decimals ("1000"), else as printed. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A fraction as a percentage with one decimal ("12.5 %"). */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction) : "—";
    }

    /** γ_ntk in words: its value, the interval while it tightens, or that it is still being solved. */
    String ntk() {
        NtkMarginResult n = refs.ntk();
        if (n == null) {
            return "γ_ntk (still being solved)";
        }
        return n.interim() ? "γ_ntk ∈ [" + num(n.lower()) + ", " + num(n.upper()) + "]" : "γ_ntk = " + num(n.value());
    }

    /** γ_gl in words, as proven: a value, an interval, a lower bound only, or still being solved. */
    String global() {
        return bounds("γ_gl", refs.global());
    }

    /** The no-rotation limit in words. */
    String noRotation() {
        return bounds("the no-rotation limit", refs.noRotation());
    }

    private static String bounds(String name, GlobalMarginResult r) {
        if (r == null) {
            return name + " (still being solved)";
        }
        if (r.notSeparable()) {
            return name + " = 0 (not separable)";
        }
        if (!r.upperCertified()) {
            return name + " ≥ " + num(r.lower()) + " (lower bound only)";
        }
        return num(r.lower()).equals(num(r.upper()))
                ? name + " = " + num(r.lower())
                : name + " ∈ [" + num(r.lower()) + ", " + num(r.upper()) + "]";
    }
}
